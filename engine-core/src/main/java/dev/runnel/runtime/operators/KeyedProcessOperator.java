package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.KeyedRuntimeContext;

/** Runs a {@link KeyedProcessFunction}: keyed state, per-key timers, side outputs. */
public final class KeyedProcessOperator<K, IN, OUT> extends KeyedOperator<K, IN, OUT> {
    private final KeyedProcessFunction<K, IN, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private TimeDomain firingDomain;

    public KeyedProcessOperator(KeySelector<IN, K> keySelector, KeyedProcessFunction<K, IN, OUT> function) {
        super(keySelector);
        this.function = function;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        collector = new TimestampedCollector<>(output);
        ctx = new ContextImpl(function);
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(function, new KeyedRuntimeContext(context, backend));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    @Override
    protected void processElement(IN value, long timestamp) {
        collector.setTimestamp(timestamp);
        firingDomain = null;
        try {
            function.processElement(value, ctx, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {
        collector.setTimestamp(time);
        firingDomain = eventTime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
        try {
            function.onTimer(time, ctx, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, time, "timer@" + time + " (" + firingDomain + ")");
        } finally {
            firingDomain = null;
        }
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext implements TimerService {
        ContextImpl(KeyedProcessFunction<K, IN, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return currentTimestamp == NO_TIMESTAMP ? null : currentTimestamp;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, currentTimestamp);
        }

        @Override
        public K getCurrentKey() {
            return currentKey;
        }

        @Override
        public TimeDomain timeDomain() {
            if (firingDomain == null) {
                throw new IllegalStateException("timeDomain() is only defined while a timer fires");
            }
            return firingDomain;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTimers.register(currentKey, null, time);
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.register(currentKey, null, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.delete(currentKey, null, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.delete(currentKey, null, time);
        }
    }

    /** Keyed state and timers are all in the backend and the timer queues, which the base snapshots. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
