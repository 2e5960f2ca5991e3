package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.KeyedRuntimeContext;

/** Runs a {@link ProcessFunction} on a non-keyed stream: side outputs and time queries, no timers. */
public final class ProcessOperator<IN, OUT> extends Operator<IN, OUT> {
    private final ProcessFunction<IN, OUT> function;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;
    private long timestamp;

    public ProcessOperator(ProcessFunction<IN, OUT> function) {
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
    public void collect(IN value, long ts) {
        metrics.recordsIn++;
        timestamp = ts;
        collector.setTimestamp(ts);
        try {
            function.processElement(value, ctx, collector);
        } catch (Exception e) {
            throw userFailure(e, null, ts, value);
        }
    }

    /** No timers and no keyed state here: only the watermark. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.OnTimerContext implements TimerService {
        ContextImpl(ProcessFunction<IN, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return timestamp == NO_TIMESTAMP ? null : timestamp;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, timestamp);
        }

        @Override
        public TimeDomain timeDomain() {
            throw new IllegalStateException("No timer is firing: timers need a keyed stream");
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        private IllegalStateException noTimers() {
            return new IllegalStateException("Operator '" + context.name()
                + "': timers are only available on a keyed stream. Call keyBy(...) and use a KeyedProcessFunction.");
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw noTimers();
        }
    }
}
