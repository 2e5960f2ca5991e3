package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.KeyedRuntimeContext;

/** Runs a {@link KeyedCoProcessFunction}: both inputs keyed, shared keyed state and timers. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT> extends KeyedCoOperator<K, IN1, IN2, OUT> {
    private final KeyedCoProcessFunction<K, IN1, IN2, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private TimeDomain firingDomain;

    public KeyedCoProcessOperator(KeySelector<IN1, K> key1, KeySelector<IN2, K> key2, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(key1, key2);
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
    protected void element1(IN1 value, long timestamp) {
        collector.setTimestamp(timestamp);
        try {
            function.processElement1(value, ctx, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    @Override
    protected void element2(IN2 value, long timestamp) {
        collector.setTimestamp(timestamp);
        try {
            function.processElement2(value, ctx, collector);
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

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return currentTimestamp == NO_TIMESTAMP ? null : currentTimestamp;
        }

        @Override
        public TimerService timerService() {
            return timers;
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
    }
}
