package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** A Runnel {@link ProcessFunction} inside Flink's: Flink's context, timer service and side outputs behind Runnel's. */
final class ProcessAdapter extends org.apache.flink.streaming.api.functions.ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final ProcessFunction<Object, Object> fn;

    ProcessAdapter(String name, ProcessFunction<Object, Object> fn) {
        this.name = name;
        this.fn = fn;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        RuntimeContextAdapter.open(fn, name, getRuntimeContext());
    }

    @Override
    public void close() throws Exception {
        RuntimeContextAdapter.close(fn);
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        fn.processElement(value, fn.new Context() {
            @Override
            public Long timestamp() {
                return ctx.timestamp();
            }

            @Override
            public TimerService timerService() {
                return new TimerServiceAdapter(ctx.timerService());
            }

            @Override
            public <X> void output(OutputTag<X> tag, X v) {
                ctx.output(SideTags.of(tag), v);
            }
        }, out::collect);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        fn.onTimer(timestamp, fn.new OnTimerContext() {
            @Override
            public Long timestamp() {
                return ctx.timestamp();
            }

            @Override
            public TimerService timerService() {
                return new TimerServiceAdapter(ctx.timerService());
            }

            @Override
            public <X> void output(OutputTag<X> tag, X v) {
                ctx.output(SideTags.of(tag), v);
            }

            @Override
            public TimeDomain timeDomain() {
                return TimeDomains.of(ctx.timeDomain());
            }
        }, out::collect);
    }
}
