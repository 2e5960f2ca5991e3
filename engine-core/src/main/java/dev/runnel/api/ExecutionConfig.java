package dev.runnel.api;

import java.util.Map;
import java.util.Objects;

/**
 * The part of Flink's {@code ExecutionConfig} that ported programs use: global job parameters and the
 * periodic watermark interval. Obtained from {@link StreamEnvironment#getConfig()}; changes apply to
 * jobs executed afterwards.
 */
public final class ExecutionConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Flink's default periodic watermark interval. */
    static final long DEFAULT_AUTO_WATERMARK_INTERVAL = 200;

    /**
     * A step of W4's timers (a cheap {@code onTimer}, but state and timers gone cold in the cache, about
     * 0.2–0.4 µs each) then takes 0.2–0.4 ms, under the 1 ms tail-latency goal. While steps are pending a
     * source may send half as many records per poll as a step may fire timers ({@code WatermarkPacer.pollBatch}).
     */
    public static final int DEFAULT_TIMERS_PER_WATERMARK_STEP = 1_024;

    private long autoWatermarkInterval = DEFAULT_AUTO_WATERMARK_INTERVAL;
    private int timersPerWatermarkStep = DEFAULT_TIMERS_PER_WATERMARK_STEP;
    private GlobalJobParameters globalJobParameters = new GlobalJobParameters();

    ExecutionConfig() {}

    /** Flink's serializer configuration; Runnel needs none (see {@link dev.runnel.api.typeinfo.SerializerConfig}). */
    public dev.runnel.api.typeinfo.SerializerConfig getSerializerConfig() {
        return dev.runnel.api.typeinfo.SerializerConfig.DEFAULT;
    }

    /**
     * How often, in milliseconds of processing time, periodic watermark generators emit; 0 turns
     * periodic emission off (generators then only emit from {@code onEvent}), as in Flink.
     */
    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("Auto watermark interval must not be negative, got " + interval);
        }
        this.autoWatermarkInterval = interval;
        return this;
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkInterval;
    }

    /**
     * Runnel's own setting (Flink has none): how many event-time timers one watermark may fire in the
     * task that runs its source before the source emits its later periodic watermarks in smaller steps,
     * interleaved with input, so that firing hundreds of thousands of timers does not stall the thread
     * (docs/semantics.md, "Watermark steps"). 0 emits every watermark whole. Default
     * {@value #DEFAULT_TIMERS_PER_WATERMARK_STEP}.
     */
    public ExecutionConfig setTimersPerWatermarkStep(int timers) {
        if (timers < 0) {
            throw new IllegalArgumentException("Timers per watermark step must not be negative (0 turns steps off), got " + timers);
        }
        this.timersPerWatermarkStep = timers;
        return this;
    }

    public int getTimersPerWatermarkStep() {
        return timersPerWatermarkStep;
    }

    /**
     * Flink's switch to hand records to the next chained function without copying them. Runnel never
     * copies records, so this is how it always runs (and there is no {@code disableObjectReuse()}: a
     * function must not modify a record it has passed on, as in Flink with object reuse on).
     */
    public ExecutionConfig enableObjectReuse() {
        return this;
    }

    /** Always true: Runnel passes records between functions without copying them. */
    public boolean isObjectReuseEnabled() {
        return true;
    }

    /** Parameters every function of the job may read, e.g. a {@code ParameterTool} from the command line. */
    public void setGlobalJobParameters(GlobalJobParameters globalJobParameters) {
        this.globalJobParameters = Objects.requireNonNull(globalJobParameters, "globalJobParameters");
    }

    public GlobalJobParameters getGlobalJobParameters() {
        return globalJobParameters;
    }

    /** Job-wide parameters, as in Flink: subclasses such as {@code ParameterTool} expose them as a map. */
    public static class GlobalJobParameters implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** The parameters as strings (empty by default). */
        public Map<String, String> toMap() {
            return Map.of();
        }

        @Override
        public boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && ((GlobalJobParameters) o).toMap().equals(toMap());
        }

        @Override
        public int hashCode() {
            return toMap().hashCode();
        }
    }
}
