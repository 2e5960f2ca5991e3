package dev.runnel.runtime;

/**
 * Splits a source's periodic watermark advances into steps, so that firing the timers an advance
 * makes due is interleaved with input instead of stalling the task's one thread: at 1 M events/s a
 * 200 ms periodic interval moves a bounded out-of-orderness watermark past ~200,000 per-event timers
 * at once.
 *
 * <p>Each step is an ordinary watermark: every operator fires all its timers up to it before
 * forwarding it, and the records the source sends after a step see that step as their watermark. A
 * step is lower than what the generator asked for, so the split changes only <em>when</em> the
 * watermark gets there (as a later periodic emission would), never the order of a record and a
 * timer the watermark it followed had made due. Watermarks from {@code onEvent} and scripted ones,
 * and the final one at end of input, are emitted whole: their position among the records is exact.
 *
 * <p>The width of a step is learned from the work the last step caused, read from the task's
 * {@link WatermarkWork} counter: a step that fired more than the budget of timers narrows the next
 * one in proportion, one that fired less than half of it doubles the width. Until a step has
 * exceeded the budget, advances are emitted whole, so a job with few timers sees the watermarks its
 * generator emits, unchanged. Counting timers rather than reading a clock keeps the steps a function
 * of the input, so they are the same in every run. An advance from no watermark at all
 * ({@code Long.MIN_VALUE}) cannot be measured in width and is emitted whole.
 *
 * <p>Steps must not fall behind the generator: timers bunched at a few instants (10,000 windows
 * ending at each second) exceed the budget at every instant, which no width can split, and the steps
 * between them start narrow. So when the next periodic emission comes while steps are still pending,
 * the source first emits the rest of the previous target whole: the watermark lags its generator by
 * at most one interval, and a job whose timers cannot be spread stalls at most once per interval.
 *
 * <p>Only timers fired in the source's own task count: behind a channel, a downstream task receives
 * the steps the source made for its own operators (whole watermarks when those fire few timers).
 */
final class WatermarkPacer {
    private static final long WHOLE = Long.MAX_VALUE;

    /** Timers one step may fire before steps narrow; 0 turns steps off. */
    private final long budget;
    private final WatermarkWork work;
    /** The highest periodic watermark the generator asked for. */
    private long target = Long.MIN_VALUE;
    /** Event-time width of the next step, or {@link #WHOLE}. */
    private long width = WHOLE;

    WatermarkPacer(long budget, WatermarkWork work) {
        if (budget < 0) {
            throw new IllegalArgumentException("timers per watermark step must not be negative, got " + budget);
        }
        this.budget = budget;
        this.work = work;
    }

    /** A pacer that emits every watermark whole. */
    static WatermarkPacer off() {
        return new WatermarkPacer(0, new WatermarkWork());
    }

    /** The generator asked for {@code watermark} periodically: the source moves there in steps. */
    void aim(long watermark) {
        if (watermark > target) {
            target = watermark;
        }
    }

    /** Whether steps remain below the target for a source that has emitted {@code emitted}. */
    boolean pending(long emitted) {
        return target > emitted;
    }

    /** The target, for a source that must stop stepping (end of input, idleness). */
    long target() {
        return target;
    }

    /** The next watermark to emit after {@code emitted}; call only while {@link #pending}. */
    long next(long emitted) {
        if (width == WHOLE || emitted == Long.MIN_VALUE || emitted > Long.MAX_VALUE - width) {
            return target;
        }
        return Math.min(target, emitted + width);
    }

    /** Writes the steps still to go: the target and the width of the next step. */
    void snapshot(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(target);
        out.writeLong(width);
    }

    /** Reads what {@link #snapshot} wrote: the source resumes its steps where the checkpoint took them. */
    void restore(java.io.DataInput in) throws java.io.IOException {
        target = in.readLong();
        width = in.readLong();
    }

    /** Forgets the steps (a restore at another parallelism, whose readers start their watermarks anew). */
    void reset() {
        target = Long.MIN_VALUE;
        width = WHOLE;
    }

    /**
     * How many records the source may send in one poll while steps are pending: half as many as a
     * step may fire timers, at least {@code normal}. Steps and polls alternate. A step of W4's 1,024
     * timers took longer than the 256 records a poll used to be allowed at 1 M events/s, so over the
     * ~200 steps of an interval the source fell 20–30 ms behind its input; with half a step's timers
     * per poll a source whose records cost up to twice what its timers cost keeps pace with its input,
     * and the steps still outrun a source that always has more (a backlog, a throughput benchmark),
     * reaching the target within the interval, as CEP's buffered events need (W6 slowed by a third
     * when polls were as large as steps).
     */
    int pollBatch(int normal) {
        return (int) Math.min(MAX_POLL_BATCH, Math.max(normal, budget / 2));
    }

    private static final int MAX_POLL_BATCH = 65_536;

    /** The timers fired so far: read before a step, passed to {@link #stepped} after it. */
    long workSoFar() {
        return work.timersFired();
    }

    /** A step from {@code from} to {@code to} was emitted; {@code workBefore} is {@link #workSoFar} before it. */
    void stepped(long from, long to, long workBefore) {
        if (budget == 0 || from == Long.MIN_VALUE) {
            return;
        }
        long fired = work.timersFired() - workBefore;
        if (fired > budget) {
            double span = (double) to - (double) from;
            width = (long) Math.max(1, Math.min(span * budget / fired, Long.MAX_VALUE / 2.0));
        } else if (width != WHOLE && fired < budget / 2) {
            width = width > Long.MAX_VALUE / 4 ? WHOLE : width * 2;
        }
    }
}
