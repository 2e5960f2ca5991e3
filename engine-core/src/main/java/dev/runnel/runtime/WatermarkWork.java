package dev.runnel.runtime;

/**
 * How many event-time timers the operators of one task (thread) have fired on watermarks so far.
 * Keyed operators add to it after each watermark; the task's sources read it before and after a
 * watermark step to learn how much work a step of a given width caused ({@link WatermarkPacer}).
 * Written and read by the task's own thread only.
 */
public final class WatermarkWork {
    private long timersFired;

    /** {@code n} timers fired on a watermark. */
    public void fired(long n) {
        timersFired += n;
    }

    public long timersFired() {
        return timersFired;
    }
}
