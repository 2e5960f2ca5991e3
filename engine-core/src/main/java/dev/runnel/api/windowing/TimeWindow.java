package dev.runnel.api.windowing;

/** The time interval {@code [start, end)}; its {@link #maxTimestamp()} is {@code end - 1}. */
public final class TimeWindow extends Window {
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** True if the windows overlap or touch (as in Flink, so touching sessions merge). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** {@code start = ts - floorMod(ts - offset, size)}: works for negative timestamps. */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        return timestamp - Math.floorMod(timestamp - offset, windowSize);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        long h = start * 31 + end;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public String toString() {
        return "TimeWindow[" + start + ", " + end + ")";
    }
}
