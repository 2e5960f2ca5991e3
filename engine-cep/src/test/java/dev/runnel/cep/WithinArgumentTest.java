package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.WithinType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code within} takes a window of at least one millisecond; anything else is an IllegalArgumentException naming windowTime. */
class WithinArgumentTest {
    @Test
    void zeroWithinIsRejectedNamingWindowTimeAndTheStage() {
        assertThatThrownBy(() -> Pattern.<Event>begin("first").within(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Stage 'first': within(windowTime) needs windowTime of at least 1 ms, got PT0S");
    }

    @Test
    void negativeWithinIsRejected() {
        assertThatThrownBy(() -> Pattern.<Event>begin("a").followedBy("b").within(Duration.ofMinutes(-5), WithinType.PREVIOUS_AND_CURRENT))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Stage 'b': within(windowTime)").hasMessageContaining("got PT-5M");
    }

    @Test
    void subMillisecondWithinIsRejectedRatherThanMeaningNoWithin() {
        assertThatThrownBy(() -> Pattern.<Event>begin("a").within(Duration.ofNanos(999_999)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
    }

    @Test
    void withinBeyondMillisecondRangeIsRejected() {
        assertThatThrownBy(() -> Pattern.<Event>begin("a").within(Duration.ofSeconds(Long.MAX_VALUE)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("windowTime of at most");
    }
}
