package dev.runnel.examples.generator;

import java.time.Duration;

/**
 * What to generate: about {@code events} background events (planted cases come on top), from
 * {@code seed}; {@code plantFraud == false} gives the clean control data. Disorder: each row is
 * delivered up to {@code disorder} after its event time; a fraction {@code lateRate} of background
 * rows is delivered {@code lateBy} late (beyond any watermark bound, so they are late rows); a
 * fraction {@code malformedRate} of lines is garbage. Planted rows are never late or malformed, so
 * every planted case is detectable.
 */
public record GeneratorConfig(long events, long seed, boolean plantFraud, Duration disorder, double lateRate,
                              Duration lateBy, double malformedRate, long startMillis) {
    /** 2024-05-11 08:00:00 UTC, a Saturday. */
    public static final long DEFAULT_START = 1_715_414_400_000L;

    public static GeneratorConfig of(long events, long seed) {
        return new GeneratorConfig(events, seed, true, Duration.ZERO, 0, Duration.ofMinutes(2), 0, DEFAULT_START);
    }

    public GeneratorConfig clean() {
        return new GeneratorConfig(events, seed, false, disorder, lateRate, lateBy, malformedRate, startMillis);
    }

    public GeneratorConfig withDisorder(Duration disorder, double lateRate, double malformedRate) {
        return new GeneratorConfig(events, seed, plantFraud, disorder, lateRate, lateBy, malformedRate, startMillis);
    }
}
