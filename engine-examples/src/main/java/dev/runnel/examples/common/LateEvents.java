package dev.runnel.examples.common;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;

/**
 * Sends events at or behind the current watermark to a late side output and passes the rest on.
 * Placed right after the source, it sees the same watermark as every operator downstream, so it
 * takes out exactly the events that the pattern operators (which drop them) and the event-time
 * windows (which would drop them too) would each treat as late: a late row is reported once, with
 * its content, instead of being counted once per operator that ignored it.
 */
public final class LateEvents<T> extends ProcessFunction<T, T> {
    private final OutputTag<T> lateTag;

    public LateEvents(OutputTag<T> lateTag) {
        this.lateTag = lateTag;
    }

    @Override
    public void processElement(T value, Context ctx, Collector<T> out) {
        Long timestamp = ctx.timestamp();
        if (timestamp != null && timestamp <= ctx.timerService().currentWatermark()) {
            ctx.output(lateTag, value);
        } else {
            out.collect(value);
        }
    }
}
