package dev.runnel.api.functions;

import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.Watermark;

/**
 * Flink's older punctuated assigner (deprecated there, still used by real programs): extracts
 * timestamps and may return a watermark after each element.
 */
@Deprecated
public interface AssignerWithPunctuatedWatermarks<T> extends TimestampAssigner<T>, java.io.Serializable {
    /** The watermark to emit after {@code lastElement}, or {@code null} for none. */
    Watermark checkAndGetNextWatermark(T lastElement, long extractedTimestamp);
}
