package dev.runnel.window;

/** Allowed lateness arithmetic shared by the window operators. */
final class Lateness {
    private Lateness() {}

    /**
     * When a window's state is cleaned up: {@code maxTimestamp + allowedLateness}, saturating at
     * {@code Long.MAX_VALUE} (global windows, or a huge lateness, are never cleaned up rather than
     * wrapping around to a time long past).
     */
    static long cleanupTime(long maxTimestamp, long allowedLateness) {
        long t = maxTimestamp + allowedLateness;
        return t < maxTimestamp ? Long.MAX_VALUE : t;
    }
}
