package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;

/** Processes a keyed stream with access to keyed state and per-key timers. */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer registered for the current key fires; the timestamp is the timer's time. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    public abstract class Context {
        /** Timestamp of the current record (or the firing timer), or {@code null} if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract K getCurrentKey();
    }

    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
