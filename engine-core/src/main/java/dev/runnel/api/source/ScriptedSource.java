package dev.runnel.api.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic test harness: events with timestamps, watermarks and processing-time moves,
 * executed in exactly the scripted order.
 *
 * <pre>{@code
 * ScriptedSource.<Tx>create()
 *     .event(tx1, 1_000).watermark(999)
 *     .advanceProcessingTimeTo(5_000)
 *     .event(tx2, 1_500);
 * }</pre>
 *
 * Use it with {@code WatermarkStrategy.noWatermarks()} when the script gives the watermarks, or with
 * any other strategy to test that strategy. After each processing-time move the source yields, so
 * other sources of the job see the new time before the script goes on. Processing-time moves need the job to run on a
 * {@code ManualClock} ({@code StreamEnvironment.create(clock)}).
 */
public final class ScriptedSource<T> implements Source<T> {
    private enum Kind { EVENT, WATERMARK, PROCESSING_TIME, IDLE }

    private record Step(Kind kind, Object value, long time) {}

    private final List<Step> steps = new ArrayList<>();
    private int next;

    public static <T> ScriptedSource<T> create() {
        return new ScriptedSource<>();
    }

    public ScriptedSource<T> event(T value, long timestamp) {
        steps.add(new Step(Kind.EVENT, value, timestamp));
        return this;
    }

    /** An event without a timestamp of its own (the watermark strategy's assigner gives one). */
    public ScriptedSource<T> event(T value) {
        steps.add(new Step(Kind.EVENT, value, Long.MIN_VALUE));
        return this;
    }

    public ScriptedSource<T> watermark(long watermark) {
        steps.add(new Step(Kind.WATERMARK, null, watermark));
        return this;
    }

    public ScriptedSource<T> advanceProcessingTimeTo(long millis) {
        steps.add(new Step(Kind.PROCESSING_TIME, null, millis));
        return this;
    }

    /** Declares the source idle until its next event or watermark. */
    public ScriptedSource<T> idle() {
        steps.add(new Step(Kind.IDLE, null, 0));
        return this;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    /** Every execution replays the script from its first step (a restore then moves to the checkpoint's step). */
    @Override
    public void open(SourceContext context) {
        next = 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) {
        int end = Math.min(steps.size(), next + maxRecords);
        while (next < end) {
            Step step = steps.get(next++);
            switch (step.kind) {
                case EVENT -> {
                    if (step.time == Long.MIN_VALUE) {
                        output.collect((T) step.value);
                    } else {
                        output.collect((T) step.value, step.time);
                    }
                }
                case WATERMARK -> output.emitWatermark(step.time);
                case PROCESSING_TIME -> {
                    output.advanceProcessingTimeTo(step.time);
                    // yield, so that other sources of the job observe the new processing time before the next step
                    return next < steps.size() ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
                }
                case IDLE -> output.markIdle();
            }
        }
        return next < steps.size() ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
    }

    @Override
    public long position() {
        return next;
    }
}
