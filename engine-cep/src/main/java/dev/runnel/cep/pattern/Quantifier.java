package dev.runnel.cep.pattern;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Objects;

/**
 * How many events a stage takes and how it treats events in between: the consuming strategy between
 * this stage and the previous one, and the inner one between the events of a looping or times stage.
 * Mirrors Flink CEP's {@code Quantifier}.
 */
public final class Quantifier {
    public enum QuantifierProperty { SINGLE, LOOPING, TIMES, OPTIONAL, GREEDY }

    /** STRICT = next, SKIP_TILL_NEXT = followedBy, SKIP_TILL_ANY = followedByAny. */
    public enum ConsumingStrategy { STRICT, SKIP_TILL_NEXT, SKIP_TILL_ANY, NOT_FOLLOW, NOT_NEXT }

    /**
     * Bounds of a times stage ({@code to == Integer.MAX_VALUE} is not used: looping stages have no
     * upper bound), and the optional window between consecutive events of the stage (Flink 1.19's
     * {@code times(n, Duration)}), {@code null} if none.
     */
    public record Times(int from, int to, Duration windowSize) {
        public Times {
            if (from <= 0) {
                throw new IllegalArgumentException("The from should be a positive number greater than 0, was " + from);
            }
            if (to < from) {
                throw new IllegalArgumentException("The to should be a number greater than or equal to from: " + from + ", was " + to);
            }
            if (windowSize != null && (windowSize.isZero() || windowSize.isNegative())) {
                throw new IllegalArgumentException("The window between events must be positive, was " + windowSize);
            }
        }

        public static Times of(int times) {
            return new Times(times, times, null);
        }

        public static Times of(int from, int to) {
            return new Times(from, to, null);
        }

        public static Times of(int times, Duration windowSize) {
            return new Times(times, times, windowSize);
        }

        public static Times of(int from, int to, Duration windowSize) {
            return new Times(from, to, windowSize);
        }

        public Optional<Duration> getWindowSize() {
            return Optional.ofNullable(windowSize);
        }
    }

    private final EnumSet<QuantifierProperty> properties;
    private final ConsumingStrategy consumingStrategy;
    private ConsumingStrategy innerConsumingStrategy = ConsumingStrategy.SKIP_TILL_NEXT;

    private Quantifier(ConsumingStrategy consumingStrategy, QuantifierProperty first) {
        this.consumingStrategy = consumingStrategy;
        this.properties = EnumSet.of(first);
    }

    public static Quantifier one(ConsumingStrategy strategy) {
        return new Quantifier(strategy, QuantifierProperty.SINGLE);
    }

    public static Quantifier looping(ConsumingStrategy strategy) {
        return new Quantifier(strategy, QuantifierProperty.LOOPING);
    }

    public static Quantifier times(ConsumingStrategy strategy) {
        return new Quantifier(strategy, QuantifierProperty.TIMES);
    }

    public boolean hasProperty(QuantifierProperty property) {
        return properties.contains(property);
    }

    public ConsumingStrategy getConsumingStrategy() {
        return consumingStrategy;
    }

    public ConsumingStrategy getInnerConsumingStrategy() {
        return innerConsumingStrategy;
    }

    public boolean isNegation() {
        return consumingStrategy == ConsumingStrategy.NOT_FOLLOW || consumingStrategy == ConsumingStrategy.NOT_NEXT;
    }

    /** Copies the properties of {@code from} that survive a change of kind (optional). */
    Quantifier withOptionalOf(Quantifier from) {
        if (from.hasProperty(QuantifierProperty.OPTIONAL)) {
            properties.add(QuantifierProperty.OPTIONAL);
        }
        return this;
    }

    void optional(String stage) {
        check(!isNegation(), stage, "a NOT stage (notNext/notFollowedBy) cannot be optional; remove optional()");
        check(!hasProperty(QuantifierProperty.OPTIONAL), stage, "optional() is already applied; call it once");
        properties.add(QuantifierProperty.OPTIONAL);
    }

    void greedy(String stage) {
        check(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, stage,
            "greedy() cannot be combined with allowCombinations(); use one of them");
        check(!hasProperty(QuantifierProperty.SINGLE), stage,
            "greedy() only applies to a looping or times stage; add oneOrMore(), timesOrMore(n) or times(from, to) first");
        properties.add(QuantifierProperty.GREEDY);
    }

    void consecutive(String stage) {
        check(hasProperty(QuantifierProperty.LOOPING) || hasProperty(QuantifierProperty.TIMES), stage,
            "consecutive() only applies to a looping or times stage; add oneOrMore() or times(n) first");
        check(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, stage,
            "consecutive() and allowCombinations() exclude each other; use one of them");
        check(innerConsumingStrategy != ConsumingStrategy.STRICT, stage, "consecutive() is already applied");
        innerConsumingStrategy = ConsumingStrategy.STRICT;
    }

    void combinations(String stage) {
        check(hasProperty(QuantifierProperty.LOOPING) || hasProperty(QuantifierProperty.TIMES), stage,
            "allowCombinations() only applies to a looping or times stage; add oneOrMore() or times(n) first");
        check(innerConsumingStrategy != ConsumingStrategy.STRICT, stage,
            "consecutive() and allowCombinations() exclude each other; use one of them");
        check(innerConsumingStrategy != ConsumingStrategy.SKIP_TILL_ANY, stage, "allowCombinations() is already applied");
        check(!hasProperty(QuantifierProperty.GREEDY), stage, "greedy() cannot be combined with allowCombinations(); use one of them");
        innerConsumingStrategy = ConsumingStrategy.SKIP_TILL_ANY;
    }

    private static void check(boolean ok, String stage, String fix) {
        if (!ok) {
            throw new MalformedPatternException("Stage '" + stage + "': " + fix);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantifier q && q.properties.equals(properties) && q.consumingStrategy == consumingStrategy
            && q.innerConsumingStrategy == innerConsumingStrategy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(properties, consumingStrategy, innerConsumingStrategy);
    }

    @Override
    public String toString() {
        return "Quantifier{properties=" + properties + ", consumingStrategy=" + consumingStrategy
            + ", innerConsumingStrategy=" + innerConsumingStrategy + '}';
    }
}
