package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.metrics.MetricGroup;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.runtime.FutureEventFilter;
import dev.runnel.runtime.WatermarkStrategies;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;

/**
 * Runnel's source output, watermark output and source context over Flink's {@link ReaderOutput},
 * driving the plan's {@link WatermarkStrategy} exactly as Runnel's source driver does: timestamps
 * from the assigner, the future-event guard, the record before the generator sees it, periodic
 * emission every auto-watermark interval checked after each poll ({@link #timeMoved}), watermarks
 * that do not advance dropped, idleness (a record or watermark makes an idle source active again).
 * Watermarks the source emits itself (a {@code ScriptedSource}'s) are forwarded. Side values (dead
 * letters, future events) travel as {@link SideRecord}s to {@link SourceSideOutputs}.
 */
final class SourceDriver implements SourceOutput<Object>, WatermarkOutput, SourceContext {
    private final String name;
    private final long watermarkIntervalMillis;
    private final MetricGroup metrics;
    private final TimestampAssigner<Object> assigner;
    private final WatermarkGenerator<Object> generator;
    private final FutureEventFilter<Object> futureEvents;
    private final boolean periodic;
    private ReaderOutput<Object> output;
    private long lastPeriodicEmit = System.currentTimeMillis();
    private long watermark = Long.MIN_VALUE;
    private boolean idle;

    SourceDriver(String name, WatermarkStrategy<Object> strategy, long watermarkIntervalMillis, MetricGroup metrics) {
        this.name = name;
        this.watermarkIntervalMillis = watermarkIntervalMillis;
        this.metrics = metrics;
        this.assigner = WatermarkStrategies.assigner(strategy);
        this.generator = WatermarkStrategies.generator(strategy, Clock.SYSTEM);
        this.futureEvents = FutureEventFilter.of(strategy, Clock.SYSTEM);
        this.periodic = strategy.emitsWatermarks();
    }

    /** The output of the coming poll (Flink passes it to every {@code pollNext}). */
    void emitTo(ReaderOutput<Object> output) {
        this.output = output;
    }

    /** Called after each poll: the periodic watermark once an auto-watermark interval has passed. */
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
            output.collect(new SideRecord(futureEvents.tag().getId(), record), ts);
            return;
        }
        if (idle) {
            markActive(); // as on Runnel: a record makes an idle source active before it goes out
        }
        // Runnel's and Flink's "no timestamp" are the same value, Long.MIN_VALUE
        output.collect(record, ts);
        generator.onEvent(record, ts, this);
    }

    @Override
    public void emitWatermark(long timestamp) {
        if (idle) {
            markActive();
        }
        if (timestamp > watermark) {
            watermark = timestamp;
            output.emitWatermark(new Watermark(timestamp));
        }
    }

    @Override
    public void markIdle() {
        idle = true;
        output.markIdle();
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        output.collect(new SideRecord(DeadLetter.TAG.getId(), deadLetter));
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
        output.collect(new SideRecord(tag.getId(), value));
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

    @Override
    public MetricGroup metricGroup() {
        return metrics;
    }
}
