package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nonsense configuration fails where it is given, with IllegalArgumentException naming the argument. */
class ArgumentValidationTest {
    @Test
    void parallelismBelowOneIsRejectedNamingTheArgument() {
        StreamEnvironment env = StreamEnvironment.create();

        assertThatThrownBy(() -> env.setParallelism(0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("parallelism").hasMessageContaining("got 0");
        assertThatThrownBy(() -> env.setParallelism(-3)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("parallelism").hasMessageContaining("got -3");
    }

    @Test
    void parallelismAboveTheNumberOfKeyGroupsIsRejected() {
        StreamEnvironment env = StreamEnvironment.create();

        assertThatThrownBy(() -> env.setParallelism(StreamEnvironment.MAX_PARALLELISM + 1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("parallelism must be at least 1 and at most 128").hasMessageContaining("got 129");
        assertThatThrownBy(() -> env.setParallelism(100_000)).isInstanceOf(IllegalArgumentException.class);
        assertThat(env.setParallelism(StreamEnvironment.MAX_PARALLELISM).getParallelism()).isEqualTo(128);
    }

    @Test
    void windowSizeOfZeroOrLessIsRejectedNamingTheSize() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("size must be positive, got 0 ms");
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ofSeconds(-5))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("size must be positive, got -5000 ms");
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(Duration.ofNanos(10))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("size must be positive");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slide");
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(Duration.ofMinutes(-1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap must be positive");
    }

    @Test
    void windowSizeBeyondMillisecondRangeIsRejectedNotOverflowed() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);

        assertThatThrownBy(() -> TumblingEventTimeWindows.of(huge)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("size is too large");
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(huge)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gap is too large");
    }

    @Test
    void durationsBeyondMillisecondsAreRejectedWhenGivenNotWhenTheJobStarts() {
        Duration huge = Duration.ofSeconds(Long.MAX_VALUE);

        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(huge)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("maxOutOfOrderness is too large");
        assertThatThrownBy(() -> WatermarkStrategy.noWatermarks().withIdleness(huge)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("idleness timeout is too large");
        assertThatThrownBy(() -> StreamEnvironment.create().fromElements(1).keyBy(i -> i)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).allowedLateness(huge))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedLateness is too large");
        assertThatThrownBy(() -> StreamEnvironment.create().enableCheckpointing(huge,
            new dev.runnel.checkpoint.CheckpointStorage(java.nio.file.Path.of("unused"), 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must be at most");
    }

    @Test
    void negativeCheckpointIntervalIsRejectedNamingTheInterval() {
        StreamEnvironment env = StreamEnvironment.create();

        assertThatThrownBy(() -> env.enableCheckpointing(Duration.ofSeconds(-1), new dev.runnel.checkpoint.CheckpointStorage(
            java.nio.file.Path.of("unused"), 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval must not be negative");
    }
}
