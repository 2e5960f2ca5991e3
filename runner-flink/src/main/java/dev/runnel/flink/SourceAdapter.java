package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.runtime.FutureEventFilter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;

/**
 * A Runnel {@link Source} as a Flink source function (parallelism 1, as sources run on Runnel),
 * driving the plan's {@link WatermarkStrategy} exactly as Runnel's source driver does: timestamps
 * from the assigner, the future-event guard, the record before the generator sees it, periodic
 * emission every auto-watermark interval checked after each poll, watermarks that do not advance
 * dropped, idleness. Watermarks the source emits itself (a {@code ScriptedSource}'s) are forwarded.
 * Side values (dead letters, future events) travel as {@link SideRecord}s to {@link SourceSideOutputs}.
 * The source's position is checkpointed in Flink's operator state, so a restore resumes from it.
 */
final class SourceAdapter extends RichSourceFunction<Object> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    private static final int POLL_BATCH = 256;

    private final String name;
    private final Shipped<Source<Object>> shippedSource;
    private final Shipped<WatermarkStrategy<Object>> shippedStrategy;
    private final long watermarkIntervalMillis;

    private transient volatile boolean running;
    private transient ListState<Object> positionState;
    private transient byte[] restoredPosition;
    private transient Source<Object> source;

    SourceAdapter(String name, Shipped<Source<Object>> source, Shipped<WatermarkStrategy<Object>> strategy, long watermarkIntervalMillis) {
        this.name = name;
        this.shippedSource = source;
        this.shippedStrategy = strategy;
        this.watermarkIntervalMillis = watermarkIntervalMillis;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        positionState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("runnel-source-position", AnyType.INSTANCE));
        if (context.isRestored()) {
            for (Object position : positionState.get()) {
                restoredPosition = (byte[]) position;
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        positionState.clear();
        if (source != null && source.position() >= 0) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            source.snapshotPosition(new DataOutputStream(bytes));
            positionState.add(bytes.toByteArray());
        }
    }

    @Override
    public void run(SourceContext<Object> ctx) throws Exception {
        running = true;
        source = shippedSource.get();
        Driver driver = new Driver(ctx, shippedStrategy.get());
        source.open(driver);
        if (restoredPosition != null) {
            source.restorePosition(new DataInputStream(new ByteArrayInputStream(restoredPosition)));
        }
        try {
            while (running) {
                SourceStatus status;
                // the checkpoint lock: a snapshot sees the position after whole polls only
                synchronized (ctx.getCheckpointLock()) {
                    status = source.poll(driver, POLL_BATCH);
                    driver.timeMoved(System.currentTimeMillis());
                }
                if (status == SourceStatus.END_OF_INPUT) {
                    break;
                }
                if (status == SourceStatus.NOTHING_AVAILABLE) {
                    Thread.sleep(1);
                }
            }
        } finally {
            source.close();
        }
    }

    @Override
    public void cancel() {
        running = false;
    }

    /** Runnel's source output and watermark output over Flink's source context. */
    private final class Driver implements SourceOutput<Object>, WatermarkOutput, dev.runnel.api.source.SourceContext {
        private final SourceContext<Object> ctx;
        private final TimestampAssigner<Object> assigner;
        private final WatermarkGenerator<Object> generator;
        private final FutureEventFilter<Object> futureEvents;
        private final boolean periodic;
        private long lastPeriodicEmit = System.currentTimeMillis();
        private long watermark = Long.MIN_VALUE;

        Driver(SourceContext<Object> ctx, WatermarkStrategy<Object> strategy) {
            this.ctx = ctx;
            this.assigner = dev.runnel.runtime.WatermarkStrategies.assigner(strategy);
            this.generator = dev.runnel.runtime.WatermarkStrategies.generator(strategy, Clock.SYSTEM);
            this.futureEvents = FutureEventFilter.of(strategy, Clock.SYSTEM);
            this.periodic = strategy.emitsWatermarks();
        }

        void timeMoved(long now) {
            if (periodic && now - lastPeriodicEmit >= watermarkIntervalMillis) {
                lastPeriodicEmit = now;
                generator.onPeriodicEmit(this);
            }
        }

        @Override
        public void collect(Object record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(Object record, long timestamp) {
            long ts = assigner == null ? timestamp : assigner.extractTimestamp(record, timestamp);
            if (futureEvents != null && futureEvents.tooFarAhead(ts)) {
                emit(new SideRecord(futureEvents.tag().getId(), record), ts);
                return;
            }
            emit(record, ts);
            generator.onEvent(record, ts, this);
        }

        private void emit(Object record, long ts) {
            if (ts == TimestampAssigner.NO_TIMESTAMP) {
                ctx.collect(record);
            } else {
                ctx.collectWithTimestamp(record, ts);
            }
        }

        @Override
        public void emitWatermark(long timestamp) {
            if (timestamp > watermark) {
                watermark = timestamp;
                ctx.emitWatermark(new Watermark(timestamp));
            }
        }

        @Override
        public void markIdle() {
            ctx.markAsTemporarilyIdle();
        }

        @Override
        public void markActive() {
            // Flink's source context becomes active again with the next record or watermark
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            ctx.collect(new SideRecord(DeadLetter.TAG.getId(), deadLetter));
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            ctx.collect(new SideRecord(tag.getId(), value));
        }

        @Override
        public void advanceProcessingTimeTo(long millis) {
            throw new UnsupportedOperationException("Source '" + name + "' advances processing time (a ScriptedSource "
                + "step), but on Flink processing time is the wall clock of each task and cannot be moved by a source; "
                + "run scripts with processing-time steps on Runnel only");
        }

        @Override
        public String sourceName() {
            return name;
        }

        @Override
        public Clock clock() {
            return Clock.SYSTEM;
        }
    }
}
