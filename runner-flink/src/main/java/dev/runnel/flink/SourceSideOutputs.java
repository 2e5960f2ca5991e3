package dev.runnel.flink;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/** Routes the {@link SideRecord}s of a source to Flink side outputs; everything else passes through. */
final class SourceSideOutputs extends ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) {
        if (value instanceof SideRecord side) {
            ctx.output(SideTags.of(side.tagId()), side.value());
        } else {
            out.collect(value);
        }
    }
}
