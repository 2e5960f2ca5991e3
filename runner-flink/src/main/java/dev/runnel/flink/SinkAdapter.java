package dev.runnel.flink;

import dev.runnel.api.functions.Sink;
import dev.runnel.api.time.TimestampAssigner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;

/**
 * A Runnel {@link Sink} as a Flink sink function, handed each record with its timestamp. The sink
 * is shared by all parallel instances, as on Runnel (where sinks must be thread-safe); a rich sink
 * is opened by the first instance and closed by the last.
 */
final class SinkAdapter extends RichSinkFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Shipped<Sink<Object>> sink;
    /** How many instances in this JVM have opened each sink object (shared objects are opened once). */
    private static final java.util.Map<Object, Integer> OPEN = new java.util.IdentityHashMap<>();
    private transient Sink<Object> target;

    SinkAdapter(String name, Shipped<Sink<Object>> sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        target = sink.get();
        synchronized (OPEN) {
            if (OPEN.merge(target, 1, Integer::sum) == 1) {
                RuntimeContextAdapter.open(target, name, getRuntimeContext());
            }
        }
    }

    @Override
    public void invoke(Object value, Context context) throws Exception {
        Long ts = context.timestamp();
        target.invoke(value, ts == null ? TimestampAssigner.NO_TIMESTAMP : ts);
    }

    @Override
    public void close() throws Exception {
        if (target == null) {
            return;
        }
        synchronized (OPEN) {
            if (OPEN.merge(target, -1, Integer::sum) == 0) {
                OPEN.remove(target);
                RuntimeContextAdapter.close(target);
            }
        }
    }
}
