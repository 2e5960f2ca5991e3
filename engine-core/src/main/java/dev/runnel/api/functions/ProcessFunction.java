package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.TimerService;

/**
 * Low-level processing of a non-keyed stream. Timers need keyed state and are only available on a
 * keyed stream ({@link KeyedProcessFunction}); the timer service here answers time queries only.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    public abstract class Context {
        /** Timestamp of the current record, or {@code null} if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    public abstract class OnTimerContext extends Context {
        public abstract dev.runnel.api.time.TimeDomain timeDomain();
    }
}
