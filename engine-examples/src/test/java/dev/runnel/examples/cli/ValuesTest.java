package dev.runnel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void durationsTakeEveryUnitAndPlainSeconds() {
        assertThat(Values.duration("w", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Values.duration("w", "10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Values.duration("w", "5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Values.duration("w", "2H")).isEqualTo(Duration.ofHours(2));
        assertThat(Values.duration("w", "3650d")).isEqualTo(Values.MAX_DURATION);
    }

    @Test
    void durationsBeyondTheMaximumOrALongAreUsageErrors() {
        assertThatThrownBy(() -> Values.duration("w", "3651d")).isInstanceOf(UsageException.class)
            .hasMessage("--w must be at most 3650d, got '3651d'");
        assertThatThrownBy(() -> Values.duration("w", "99999999999999999999ms")).isInstanceOf(UsageException.class)
            .hasMessage("--w must be at most 3650d, got '99999999999999999999ms'");
    }

    @Test
    void numbersMustBeFinite() {
        assertThat(Values.number("t", "1e3")).isEqualTo(1000.0);
        assertThatThrownBy(() -> Values.number("t", "1e999")).hasMessage("--t expects a finite number, got '1e999'");
        assertThatThrownBy(() -> Values.number("t", "-Infinity")).hasMessage("--t expects a finite number, got '-Infinity'");
    }

    @Test
    void formatGivesTheLargestWholeUnit() {
        assertThat(Values.format(Duration.ofDays(3650))).isEqualTo("3650d");
        assertThat(Values.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Values.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Values.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void helpLineShowsDefaultAndRange() {
        assertThat(Option.integer("parallelism", "N", "1", "workers", 1, 8).helpLine())
            .isEqualTo("  --parallelism N                 workers (default: 1; 1 to 8)");
        assertThat(Option.integer("seed", "S", "42", "random seed", Long.MIN_VALUE, Long.MAX_VALUE).helpLine())
            .isEqualTo("  --seed S                        random seed (default: 42)");
    }
}
