package dev.runnel.runtime;

import dev.runnel.api.OutputTag;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-split outputs of one source (Flink's split-local watermarks): each split has its own
 * watermark generator, and the source's watermark is the minimum over the splits that are not
 * idle. A split that has seen no event holds the source back at {@code Long.MIN_VALUE} unless the
 * strategy's idleness marks it idle, as in Flink; when every split is idle the source is idle.
 */
final class SplitOutputs<T> {
    private final SourceDriver<T> driver;
    private final Map<String, Split> splits = new LinkedHashMap<>();
    /** The same splits, for the periodic loop without iterator garbage. */
    private final List<Split> list = new ArrayList<>();

    SplitOutputs(SourceDriver<T> driver) {
        this.driver = driver;
    }

    SourceOutput<T> create(String splitId) {
        Split split = splits.get(splitId);
        if (split == null) {
            split = new Split(driver.newGenerator());
            splits.put(splitId, split);
            list.add(split);
            // a new split starts at Long.MIN_VALUE: the source's watermark waits for it (it cannot go back)
            combine();
        }
        return split;
    }

    void release(String splitId) {
        Split split = splits.remove(splitId);
        if (split != null) {
            list.remove(split);
            combine();
        }
    }

    void onPeriodicEmit() {
        for (int i = 0; i < list.size(); i++) {
            Split s = list.get(i);
            s.generator.onPeriodicEmit(s);
        }
        combine();
    }

    /** Emits the minimum over active splits, or marks the source idle when every split is idle. */
    private void combine() {
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int i = 0; i < list.size(); i++) {
            Split s = list.get(i);
            if (!s.idle) {
                anyActive = true;
                min = Math.min(min, s.watermark);
            }
        }
        if (!anyActive) {
            if (!list.isEmpty()) {
                driver.markIdle();
            }
            // no split at all: nothing is known, the watermark stays where it is
            return;
        }
        driver.emitWatermark(min);
    }

    private final class Split implements SourceOutput<T>, WatermarkOutput {
        final WatermarkGenerator<T> generator;
        long watermark = Long.MIN_VALUE;
        boolean idle;

        Split(WatermarkGenerator<T> generator) {
            this.generator = generator;
        }

        @Override
        public void collect(T record) {
            collect(record, Output.NO_TIMESTAMP);
        }

        @Override
        public void collect(T record, long timestamp) {
            long ts = driver.forward(record, timestamp);
            if (ts == SourceDriver.DIVERTED) {
                return;
            }
            if (idle) {
                markActive();
            }
            generator.onEvent(record, ts, this);
        }

        @Override
        public void emitWatermark(long timestamp) {
            boolean wasIdle = idle;
            idle = false;
            if (timestamp > watermark || wasIdle) {
                watermark = Math.max(watermark, timestamp);
                combine();
            }
        }

        @Override
        public void markIdle() {
            if (!idle) {
                idle = true;
                combine();
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                combine();
            }
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            driver.deadLetter(deadLetter);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            driver.output(tag, value);
        }

        @Override
        public void advanceProcessingTimeTo(long millis) {
            driver.advanceProcessingTimeTo(millis);
        }

        @Override
        public SourceOutput<T> createOutputForSplit(String splitId) {
            return driver.createOutputForSplit(splitId);
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            driver.releaseOutputForSplit(splitId);
        }
    }
}
