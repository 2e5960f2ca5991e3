package dev.runnel.api.time;

/** A watermark: no element with a timestamp at or below {@code timestamp} is expected any more. */
public record Watermark(long timestamp) {
    /** Flink's accessor name. */
    public long getTimestamp() {
        return timestamp;
    }

    public static final Watermark MAX = new Watermark(Long.MAX_VALUE);
}
