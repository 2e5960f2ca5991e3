package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;

/**
 * Low-level processing of two connected, non-keyed streams. As in Flink, timers need a keyed
 * stream ({@link KeyedCoProcessFunction}); the timer service here answers time queries only.
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> implements RichFunction {

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    public abstract class Context {
        /** Timestamp of the current record, or {@code null} if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    public abstract class OnTimerContext extends Context {
        public abstract TimeDomain timeDomain();
    }
}
