package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.KeyedRuntimeContext;

/** Runs a {@link CoProcessFunction} (and co-map / co-flatMap through {@link CoFunctionAdapters}). */
public final class CoProcessOperator<IN1, IN2, OUT> extends CoOperator<IN1, IN2, OUT> {
    private final CoProcessFunction<IN1, IN2, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
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
        UserFunctions.open(function, new KeyedRuntimeContext(context, null));
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
            throw userFailure(e, null, timestamp, value);
        }
    }

    @Override
    protected void element2(IN2 value, long timestamp) {
        collector.setTimestamp(timestamp);
        try {
            function.processElement2(value, ctx, collector);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
    }

    /** Holds nothing but its watermark (written by the base). */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.OnTimerContext {
        ContextImpl(CoProcessFunction<IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return currentTimestamp == NO_TIMESTAMP ? null : currentTimestamp;
        }

        @Override
        public TimerService timerService() {
            return timeQueries;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, currentTimestamp);
        }

        @Override
        public TimeDomain timeDomain() {
            throw new IllegalStateException("A CoProcessFunction has no timers");
        }
    }
}
