package dev.runnel.api.time;

/** A watermark: no element with a timestamp at or below {@code timestamp} is expected any more. */
public record Watermark(long timestamp) {
    public static final Watermark MAX = new Watermark(Long.MAX_VALUE);

    /** Flink's accessor, the same as {@link #timestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }
}
