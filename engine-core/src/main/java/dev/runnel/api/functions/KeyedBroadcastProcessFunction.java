package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReadOnlyBroadcastState;
import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;

/**
 * Processes a keyed stream connected with a broadcast stream. Keyed elements see keyed state, timers
 * and the broadcast state read-only; broadcast elements reach every parallel instance, may update
 * the broadcast state and may visit every key's state with {@link Context#applyToKeyedState}.
 */
public abstract class KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> implements RichFunction {

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Called when a timer registered for the current key fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    public abstract class ReadOnlyContext {
        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract K getCurrentKey();

        public abstract <BK, BV> ReadOnlyBroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> descriptor);
    }

    public abstract class Context {
        public abstract Long timestamp();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract <BK, BV> BroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> descriptor);

        /** Runs {@code function} on {@code descriptor}'s state of every key of this instance that has it. */
        public abstract <S extends State> void applyToKeyedState(StateDescriptor<?> descriptor,
                KeyedStateFunction<K, S> function) throws Exception;
    }

    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();
    }
}
