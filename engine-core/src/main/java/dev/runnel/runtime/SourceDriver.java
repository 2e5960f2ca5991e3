package dev.runnel.runtime;

import dev.runnel.api.OutputTag;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;

/**
 * Runs one source inside a task: polls it in bounded steps, assigns timestamps, drives the watermark
 * generator (per event and every {@code autoWatermarkInterval} of processing time), sends
 * processing-time ticks and latency markers, and at the end sends the final watermark and end of
 * input. Periodic watermarks go out in steps when whole ones would fire too many timers at once
 * ({@link WatermarkPacer}): one step when the generator emits, one more after each poll.
 */
public final class SourceDriver<T> implements SourceOutput<T>, WatermarkOutput, SourceContext {
    static final int POLL_BATCH = 256;
    private static final long LATENCY_MARKER_INTERVAL_NANOS = 1_000_000;

    private final String name;
    private final Source<T> source;
    private final WatermarkStrategy<T> strategy;
    private final Clock clock;
    private final long watermarkIntervalMillis;
    private final Output<T> output;
    private final OperatorContext context;
    private final OperatorMetrics metrics;
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    private FutureEventFilter<T> futureEvents;
    private boolean periodic;
    private long lastPeriodicEmit;
    private long lastTick = Long.MIN_VALUE;
    private long lastMarkerNanos;
    private long watermark = Long.MIN_VALUE;
    private boolean idle;
    private boolean finished;
    private long currentTimestamp = Output.NO_TIMESTAMP;
    /** Null until the source asks for a split output; then the splits make the watermark. */
    private SplitOutputs<T> splits;
    private final WatermarkPacer pacer;
    /** True while the generator's {@code onPeriodicEmit} runs: what it emits is paced. */
    private boolean inPeriodicEmit;

    public SourceDriver(String name, Source<T> source, WatermarkStrategy<T> strategy, OperatorContext context,
                        long watermarkIntervalMillis, Output<T> output) {
        this(name, source, strategy, context, watermarkIntervalMillis, output, WatermarkPacer.off());
    }

    SourceDriver(String name, Source<T> source, WatermarkStrategy<T> strategy, OperatorContext context,
                 long watermarkIntervalMillis, Output<T> output, WatermarkPacer pacer) {
        this.pacer = pacer;
        this.name = name;
        this.source = source;
        this.strategy = strategy;
        this.context = context;
        this.clock = context.clock();
        this.metrics = context.metrics();
        this.watermarkIntervalMillis = watermarkIntervalMillis;
        this.output = output;
    }

    public void open() throws Exception {
        assigner = WatermarkStrategies.assigner(strategy);
        generator = WatermarkStrategies.generator(strategy, clock);
        futureEvents = FutureEventFilter.of(strategy, clock);
        periodic = strategy.emitsWatermarks() && watermarkIntervalMillis > 0; // an interval of 0 disables periodic emission, as in Flink
        lastPeriodicEmit = clock.millis();
        lastMarkerNanos = System.nanoTime();
        source.open(this);
    }

    public void close() throws Exception {
        source.close();
    }

    public boolean finished() {
        return finished;
    }

    public OperatorMetrics metrics() {
        return metrics;
    }

    /** Polls the source once; returns true if it did anything. */
    public boolean step() throws Exception {
        SourceStatus status = source.poll(this, pacer.pending(watermark) ? pacer.pollBatch(POLL_BATCH) : POLL_BATCH);
        timeMoved(clock.millis());
        if (status == SourceStatus.END_OF_INPUT) {
            finish();
            return true;
        }
        if (pacer.pending(watermark)) {
            emitStep();
            return true; // come back soon for the next step, even if the source had nothing
        }
        return status == SourceStatus.MORE_AVAILABLE;
    }

    /** Emits the next step towards the periodic watermark the generator asked for. */
    private void emitStep() {
        long from = watermark;
        long to = pacer.next(from);
        long workBefore = pacer.workSoFar();
        advanceTo(to);
        pacer.stepped(from, to, workBefore);
    }

    private void finish() {
        finished = true;
        if (watermark < Long.MAX_VALUE) {
            watermark = Long.MAX_VALUE;
            metrics.currentWatermark = watermark;
            output.watermark(Long.MAX_VALUE);
        }
        output.end();
        context.sideOutputs().end();
    }

    private void timeMoved(long now) {
        if (now > lastTick) {
            lastTick = now;
            output.tick(now);
        }
        if (periodic && now - lastPeriodicEmit >= watermarkIntervalMillis) {
            lastPeriodicEmit = now;
            if (pacer.pending(watermark)) {
                // the steps took a whole interval (timers bunched at a few instants, each over the budget):
                // the rest goes out at once, so the watermark never lags its generator by more than that
                advanceTo(pacer.target());
            }
            inPeriodicEmit = true;
            try {
                if (splits != null) {
                    splits.onPeriodicEmit();
                } else {
                    generator.onPeriodicEmit(this);
                }
            } finally {
                inPeriodicEmit = false;
            }
            if (pacer.pending(watermark)) {
                emitStep(); // the first step at once, where a whole watermark would have gone
            }
        }
        long nanos = System.nanoTime();
        if (nanos - lastMarkerNanos >= LATENCY_MARKER_INTERVAL_NANOS) {
            lastMarkerNanos = nanos;
            output.latencyMarker(nanos);
        }
    }

    // ---- SourceOutput

    @Override
    public void collect(T record) {
        collect(record, Output.NO_TIMESTAMP);
    }

    @Override
    public void collect(T record, long timestamp) {
        long ts = forward(record, timestamp);
        if (ts == DIVERTED) {
            return;
        }
        // Flink's order: the record first, then the generator, so a watermark emitted from
        // onEvent never overtakes the record that caused it
        generator.onEvent(record, ts, this);
    }

    /** What {@link #forward} returns for a record the future-event guard sent to its side output. */
    static final long DIVERTED = Long.MIN_VALUE + 1;

    /**
     * Assigns the record's timestamp, sends it downstream and returns the timestamp it got; or sends
     * it to the future-event side output and returns {@link #DIVERTED} (it must not reach a generator).
     */
    long forward(T record, long timestamp) {
        metrics.recordsIn++;
        long ts = timestamp;
        if (assigner != null) {
            currentTimestamp = timestamp;
            try {
                ts = assigner.extractTimestamp(record, timestamp);
            } catch (RuntimeException e) {
                throw OperatorException.userCode(name + " (timestamp assigner)", null, timestamp, record, e);
            }
        }
        if (futureEvents != null && futureEvents.tooFarAhead(ts)) {
            divertFutureEvent(record, ts);
            return DIVERTED;
        }
        if (idle) {
            markActive();
        }
        metrics.recordsOut++;
        output.collect(record, ts);
        return ts;
    }

    @Override
    public SourceOutput<T> createOutputForSplit(String splitId) {
        if (splits == null) {
            splits = new SplitOutputs<>(this);
        }
        return splits.create(splitId);
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
        if (splits != null) {
            splits.release(splitId);
        }
    }

    /** A fresh copy of the strategy's generator, for one split. */
    WatermarkGenerator<T> newGenerator() {
        return WatermarkStrategies.generator(strategy, clock);
    }

    /** Past the strategy's future-event guard: to its side output, not to the generator or downstream. */
    private void divertFutureEvent(T record, long ts) {
        metrics.futureEvents++;
        context.output(futureEvents.tag(), record, ts);
    }

    /**
     * A periodic watermark is aimed at and reached in steps (the first one right after the generator
     * returns); any other one (from {@code onEvent}, a scripted one) is emitted whole, at once, since
     * its place among the records is exact.
     */
    @Override
    public void emitWatermark(long timestamp) {
        if (idle) {
            markActive();
        }
        if (inPeriodicEmit) {
            pacer.aim(timestamp);
        } else {
            advanceTo(timestamp);
        }
    }

    private void advanceTo(long timestamp) {
        if (timestamp > watermark) {
            watermark = timestamp;
            metrics.currentWatermark = timestamp;
            output.watermark(timestamp);
        }
    }

    @Override
    public void markIdle() {
        if (pacer.pending(watermark)) {
            advanceTo(pacer.target()); // an idle source holds nothing back: what it aimed at goes out first
        }
        if (!idle) {
            idle = true;
            metrics.idle = true;
            output.idle(true);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            metrics.idle = false;
            output.idle(false);
        }
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        metrics.deadLetters++;
        context.output(DeadLetter.TAG, deadLetter, Output.NO_TIMESTAMP);
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
        context.output(tag, value, Output.NO_TIMESTAMP);
    }

    @Override
    public void advanceProcessingTimeTo(long millis) {
        if (!(clock instanceof ManualClock manual)) {
            throw new IllegalStateException("Source '" + name + "' advances processing time, but the job runs on "
                + clock.getClass().getSimpleName() + ". Create the environment with StreamEnvironment.create(new ManualClock()).");
        }
        manual.setTo(millis);
        timeMoved(millis);
    }

    // ---- SourceContext

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public dev.runnel.api.metrics.MetricGroup metricGroup() {
        return metrics.metricGroup();
    }

    // ---- checkpoints

    public String name() {
        return name;
    }

    /** How many parallel readers this source has. */
    public int parallelism() {
        return context.parallelism();
    }

    /** The name its position goes by in checkpoints: the source's, with {@code #subtask} when it runs in parallel. */
    public String checkpointName() {
        return context.parallelism() == 1 ? name : name + "#" + context.subtask();
    }

    /** Null if this source can be checkpointed, otherwise why not. */
    public String checkpointObstacle() {
        return source.position() < 0
            ? "source '" + name + "' (" + source.getClass().getSimpleName() + ") has no resumable position" : null;
    }

    /** Checkpoint {@code checkpointId} is complete: the source may report its position outside the job. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        source.notifyCheckpointComplete(checkpointId);
    }

    /**
     * Writes the source's position, the watermark already emitted and the watermark steps still to go
     * (a checkpoint taken between two steps resumes them: the timers they make due are in the
     * operators' snapshots and fire after the restore where they would have fired without it).
     */
    public void snapshot(java.io.DataOutput out) throws java.io.IOException {
        source.snapshotPosition(out);
        out.writeLong(watermark);
        out.writeBoolean(finished);
        pacer.snapshot(out);
    }

    /** After {@link #open}: continue from the position and do not re-emit watermarks already sent. */
    public void restore(java.io.DataInput in) throws Exception {
        restore(java.util.List.of(in));
    }

    /**
     * After {@link #open}: continue from the positions of one or more readers of the checkpoint (several when a
     * parallel source is restored at another parallelism: this reader takes its share of their splits).
     */
    public void restore(java.util.List<? extends java.io.DataInput> ins) throws Exception {
        long restoredWatermark = Long.MAX_VALUE;
        boolean wasFinished = true;
        for (java.io.DataInput in : ins) {
            source.restorePosition(in);
            restoredWatermark = Math.min(restoredWatermark, in.readLong());
            wasFinished &= in.readBoolean();
            pacer.restore(in);
        }
        if (ins.size() > 1) {
            // the old readers' splits are spread anew: only this reader's own splits say whether it is done
            wasFinished = false;
            restoredWatermark = Long.MIN_VALUE;
            pacer.reset();
        }
        watermark = restoredWatermark;
        metrics.currentWatermark = watermark;
        if (watermark > Long.MIN_VALUE) {
            // operators downstream restored this watermark and ignore it; a union's input merger learns it again
            output.watermark(watermark);
        }
        if (wasFinished) {
            finished = true;
            output.end();
            context.sideOutputs().end();
        }
    }
}
