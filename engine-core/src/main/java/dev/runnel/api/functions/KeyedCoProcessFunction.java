package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;

/**
 * Processes two connected streams keyed by the same key: both inputs of one key see the same keyed
 * state and timers, so one input can hold state the other reads (enrichment, matching).
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> implements RichFunction {

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer registered for the current key fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

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
