package dev.runnel.api.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerRecordEmissionTest {

    /** Keeps the watermark as the runtime does: a value that does not move time forward is ignored. */
    private static final class CurrentWatermark implements WatermarkOutput {
        long watermark = Long.MIN_VALUE;
        final List<Long> advances = new ArrayList<>();

        @Override
        public void emitWatermark(long timestamp) {
            if (timestamp > watermark) {
                watermark = timestamp;
                advances.add(timestamp);
            }
        }

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }

    @Test
    void boundedOutOfOrdernessWithPerRecordEmissionEmitsMaxMinusBoundMinusOneAfterEveryEvent() {
        // timestamps 1000, 3000, 2000, 1500, 10000, 0 with bound 500: max - 500 - 1 after each, no clock involved
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(500))
            .withPerRecordEmission().createWatermarkGenerator(() -> () -> { throw new AssertionError("no clock needed"); });
        CurrentWatermark output = new CurrentWatermark();
        List<Long> afterEachEvent = new ArrayList<>();

        for (long ts : new long[] {1_000, 3_000, 2_000, 1_500, 10_000, 0}) {
            generator.onEvent("e", ts, output);
            afterEachEvent.add(output.watermark);
        }

        assertThat(afterEachEvent).containsExactly(499L, 2_499L, 2_499L, 2_499L, 9_499L, 9_499L);
        assertThat(output.advances).containsExactly(499L, 2_499L, 9_499L);
    }

    @Test
    void periodicEmitAfterPerRecordEmissionSendsNothingNew() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(500))
            .withPerRecordEmission().createWatermarkGenerator(() -> Clock.SYSTEM);
        CurrentWatermark output = new CurrentWatermark();

        generator.onEvent("e", 1_000, output);
        generator.onPeriodicEmit(output);

        assertThat(output.advances).containsExactly(499L);
    }

    @Test
    void withoutPerRecordEmissionEventsAloneEmitNothing() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(500))
            .createWatermarkGenerator(() -> Clock.SYSTEM);
        CurrentWatermark output = new CurrentWatermark();

        generator.onEvent("e", 1_000, output);

        assertThat(output.advances).isEmpty();
    }

    @Test
    void monotonousTimestampsWithPerRecordEmissionEmitMaxMinusOneAfterEveryEvent() {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps()
            .withPerRecordEmission().createWatermarkGenerator(() -> Clock.SYSTEM);
        CurrentWatermark output = new CurrentWatermark();

        generator.onEvent("a", 1_000, output);
        generator.onEvent("b", 2_000, output);

        assertThat(output.advances).containsExactly(999L, 1_999L);
    }
}
