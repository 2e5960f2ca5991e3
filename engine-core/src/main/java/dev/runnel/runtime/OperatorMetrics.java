package dev.runnel.runtime;

/**
 * Counters of one operator instance. Written by the single thread that runs the instance and read
 * (racily, which is fine for monitoring) by others; final values are read after the job ends.
 */
public final class OperatorMetrics {
    private final String operatorName;
    private final int subtask;
    public long recordsIn;
    public long recordsOut;
    public long lateRecordsDropped;
    public long deadLetters;
    public volatile long currentWatermark = Long.MIN_VALUE;
    public volatile boolean idle;

    public OperatorMetrics(String operatorName, int subtask) {
        this.operatorName = operatorName;
        this.subtask = subtask;
    }

    public String operatorName() {
        return operatorName;
    }

    public int subtask() {
        return subtask;
    }

    @Override
    public String toString() {
        return operatorName + "#" + subtask + " in=" + recordsIn + " out=" + recordsOut + " late=" + lateRecordsDropped
            + " deadLetters=" + deadLetters + " watermark=" + formatWatermark(currentWatermark) + (idle ? " (idle)" : "");
    }

    public static String formatWatermark(long wm) {
        if (wm == Long.MIN_VALUE) {
            return "none";
        }
        if (wm == Long.MAX_VALUE) {
            return "end";
        }
        return Long.toString(wm);
    }
}
