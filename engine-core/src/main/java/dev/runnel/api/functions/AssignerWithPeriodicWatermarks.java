package dev.runnel.api.functions;

import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.Watermark;

/**
 * Flink's older assigner, deprecated there in favour of {@code WatermarkStrategy} and still used by
 * real programs: extracts timestamps and is asked for the current watermark every
 * {@code autoWatermarkInterval}. Used mid-stream at parallelism above one, one object serves every
 * instance: keep it free of per-instance state there, or use a {@code WatermarkStrategy}.
 */
@Deprecated
public interface AssignerWithPeriodicWatermarks<T> extends TimestampAssigner<T>, java.io.Serializable {
    /** The watermark now, or {@code null} for none yet. */
    Watermark getCurrentWatermark();
}
