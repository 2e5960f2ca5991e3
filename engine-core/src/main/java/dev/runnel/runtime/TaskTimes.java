package dev.runnel.runtime;

/**
 * Where one task's thread spends its time, as Flink's task metrics split it: idle (waiting for input:
 * the wait in the idle strategy after a loop round in which no input moved), back-pressured (blocked offering to a full downstream channel)
 * and busy (the rest: processing). Only the two waits are timed, and only at their start and end, so
 * the record path has no clock read: a task that never waits pays nothing, one that waits pays two
 * {@code nanoTime} calls per wait (per empty round or per full channel, never per record). Time blocked inside
 * user code is busy, as in Flink.
 *
 * <p>Written by the task's thread only; read by monitoring threads. A wait in progress counts up to the
 * moment it is read ({@link #idleNanos(long)}): its start stamp is volatile and the accumulated total is
 * written before the stamp is cleared, and a reader retries while the total or the stamp changes under
 * it, so a reading never counts a wait twice.
 */
public final class TaskTimes {
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private volatile long startNanos = NOT_STARTED;
    private volatile long endNanos = NOT_STARTED;
    private volatile long idleNanos;
    private volatile long idleSince;
    private volatile long backPressuredNanos;
    private volatile long backPressuredSince;

    /** The task's thread starts running (before opening its operators). */
    void start(long now) {
        startNanos = now;
    }

    /** The task's thread is done; later readings stop at this moment. */
    void end(long now) {
        idleEnd(now);
        endNanos = now;
    }

    /** The task starts waiting in its idle strategy. */
    void idleStart(long now) {
        idleSince = now == 0 ? 1 : now;
    }

    void idleEnd(long now) {
        long since = idleSince;
        if (since != 0) {
            idleNanos += now - since;
            idleSince = 0;
        }
    }

    /** A channel has no room: the task waits for its consumer. */
    public void backPressureStart(long now) {
        backPressuredSince = now == 0 ? 1 : now;
    }

    public void backPressureEnd(long now) {
        long since = backPressuredSince;
        if (since != 0) {
            backPressuredNanos += now - since;
            backPressuredSince = 0;
        }
    }

    /** Idle time since the task started, including a stretch in progress, read at {@code now} (nanoTime). */
    public long idleNanos(long now) {
        return accumulated(now, true);
    }

    public long backPressuredNanos(long now) {
        return accumulated(now, false);
    }

    /** Wall time the task has run (0 before it started), minus idle and back-pressured time. */
    public long busyNanos(long now) {
        long start = startNanos;
        if (start == NOT_STARTED) {
            return 0;
        }
        long end = endNanos;
        long until = end == NOT_STARTED ? now : end;
        return Math.max(0, until - start - idleNanos(until) - backPressuredNanos(until));
    }

    private long accumulated(long now, boolean idle) {
        long end = endNanos;
        long until = end == NOT_STARTED ? now : Math.min(now, end);
        while (true) {
            // the writer adds a finished wait to the total, then clears its start stamp: a reading is
            // consistent only if neither moved while it was taken (checking the stamp alone counted a
            // wait twice when the total was read between the writer's two steps)
            long total = idle ? idleNanos : backPressuredNanos;
            long since = idle ? idleSince : backPressuredSince;
            if (total == (idle ? idleNanos : backPressuredNanos) && since == (idle ? idleSince : backPressuredSince)) {
                return total + (since == 0 ? 0 : Math.max(0, until - since));
            }
        }
    }
}
