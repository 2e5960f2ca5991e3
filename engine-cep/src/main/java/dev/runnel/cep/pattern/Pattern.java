package dev.runnel.cep.pattern;

import dev.runnel.cep.pattern.Quantifier.ConsumingStrategy;
import dev.runnel.cep.pattern.Quantifier.QuantifierProperty;
import dev.runnel.cep.pattern.Quantifier.Times;
import dev.runnel.cep.pattern.conditions.AndCondition;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import dev.runnel.cep.pattern.conditions.OrCondition;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import dev.runnel.cep.pattern.conditions.SubtypeCondition;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Objects;

/**
 * One stage of a pattern, linked to the stage before it: the same builder as Flink CEP's
 * {@code Pattern}, so a Flink pattern ports by changing imports ({@code Time} becomes
 * {@link Duration}). Stage methods ({@code next}, {@code followedBy}, ...) return a new stage;
 * {@code where}, quantifiers and {@code within} modify this stage and return it. Mistakes that can
 * be seen here fail immediately with a {@link MalformedPatternException}; the rest fail when the
 * pattern is compiled ({@code CEP.pattern}).
 *
 * @param <T> the event type of the stream
 * @param <F> the event type this stage accepts ({@link #subtype})
 */
public class Pattern<T, F extends T> {
    private final String name;
    private final Pattern<T, ? extends T> previous;
    private IterativeCondition<F> condition;
    private IterativeCondition<F> untilCondition;
    private Quantifier quantifier;
    private Times times;
    private final EnumMap<WithinType, Duration> windowTimes = new EnumMap<>(WithinType.class);
    private final AfterMatchSkipStrategy afterMatchSkipStrategy;

    protected Pattern(String name, Pattern<T, ? extends T> previous, ConsumingStrategy strategy, AfterMatchSkipStrategy skip) {
        if (name == null || name.isEmpty()) {
            throw new MalformedPatternException("A stage needs a non-empty name"
                + (previous == null ? "" : " (after stage '" + previous.getName() + "')"));
        }
        this.name = name;
        this.previous = previous;
        this.quantifier = Quantifier.one(strategy);
        this.afterMatchSkipStrategy = Objects.requireNonNull(skip, "afterMatchSkipStrategy");
    }

    // ---- starting a pattern

    public static <X> Pattern<X, X> begin(String name) {
        return new Pattern<>(name, null, ConsumingStrategy.SKIP_TILL_NEXT, AfterMatchSkipStrategy.noSkip());
    }

    public static <X> Pattern<X, X> begin(String name, AfterMatchSkipStrategy skip) {
        return new Pattern<>(name, null, ConsumingStrategy.SKIP_TILL_NEXT, skip);
    }

    public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group) {
        return new GroupPattern<>(null, group, ConsumingStrategy.SKIP_TILL_NEXT, AfterMatchSkipStrategy.noSkip());
    }

    public static <T, F extends T> GroupPattern<T, F> begin(Pattern<T, F> group, AfterMatchSkipStrategy skip) {
        return new GroupPattern<>(null, group, ConsumingStrategy.SKIP_TILL_NEXT, skip);
    }

    // ---- following stages

    /** The next stage must take the event right after this stage's (strict contiguity). */
    public Pattern<T, T> next(String name) {
        return new Pattern<>(name, this, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
    }

    /** The next stage takes the first matching event after this stage's; others in between are skipped. */
    public Pattern<T, T> followedBy(String name) {
        return new Pattern<>(name, this, ConsumingStrategy.SKIP_TILL_NEXT, afterMatchSkipStrategy);
    }

    /** Like followedBy, but every later matching event starts an alternative match. */
    public Pattern<T, T> followedByAny(String name) {
        return new Pattern<>(name, this, ConsumingStrategy.SKIP_TILL_ANY, afterMatchSkipStrategy);
    }

    /** The event right after this stage's must not match the new stage's condition. */
    public Pattern<T, T> notNext(String name) {
        checkNoOptionalBeforeNot(name);
        return new Pattern<>(name, this, ConsumingStrategy.NOT_NEXT, afterMatchSkipStrategy);
    }

    /** No event between this stage and the next may match; as the last stage it needs {@code within}. */
    public Pattern<T, T> notFollowedBy(String name) {
        checkNoOptionalBeforeNot(name);
        return new Pattern<>(name, this, ConsumingStrategy.NOT_FOLLOW, afterMatchSkipStrategy);
    }

    public GroupPattern<T, F> next(Pattern<T, F> group) {
        return new GroupPattern<>(this, group, ConsumingStrategy.STRICT, afterMatchSkipStrategy);
    }

    public GroupPattern<T, F> followedBy(Pattern<T, F> group) {
        return new GroupPattern<>(this, group, ConsumingStrategy.SKIP_TILL_NEXT, afterMatchSkipStrategy);
    }

    public GroupPattern<T, F> followedByAny(Pattern<T, F> group) {
        return new GroupPattern<>(this, group, ConsumingStrategy.SKIP_TILL_ANY, afterMatchSkipStrategy);
    }

    // ---- conditions

    /** Adds a condition; several {@code where} calls must all hold. */
    public Pattern<T, F> where(IterativeCondition<F> condition) {
        Objects.requireNonNull(condition, "condition");
        this.condition = this.condition == null ? condition : new AndCondition<>(this.condition, condition);
        return this;
    }

    /** Overload so that one-argument lambdas are simple conditions. */
    public Pattern<T, F> where(SimpleCondition<F> condition) {
        return where((IterativeCondition<F>) condition);
    }

    /** The stage also accepts events for which {@code condition} holds. */
    public Pattern<T, F> or(IterativeCondition<F> condition) {
        Objects.requireNonNull(condition, "condition");
        this.condition = this.condition == null ? condition : new OrCondition<>(this.condition, condition);
        return this;
    }

    public Pattern<T, F> or(SimpleCondition<F> condition) {
        return or((IterativeCondition<F>) condition);
    }

    /** Restricts the stage to events of a subclass. */
    @SuppressWarnings("unchecked")
    public <S extends F> Pattern<T, S> subtype(Class<S> subtypeClass) {
        Objects.requireNonNull(subtypeClass, "subtypeClass");
        IterativeCondition<F> isSubtype = new SubtypeCondition<>(subtypeClass);
        this.condition = this.condition == null ? isSubtype : new AndCondition<>(this.condition, isSubtype);
        return (Pattern<T, S>) this;
    }

    /** Stops a looping stage: the first event that satisfies {@code condition} ends it (and is not taken). */
    public Pattern<T, F> until(IterativeCondition<F> condition) {
        Objects.requireNonNull(condition, "condition");
        checkNotNegation("until()");
        if (untilCondition != null) {
            throw malformed("until() is already set; combine the conditions into one until()");
        }
        if (!quantifier.hasProperty(QuantifierProperty.LOOPING)) {
            throw malformed("until() only applies to a looping stage; call oneOrMore() or timesOrMore(n) before until()");
        }
        this.untilCondition = condition;
        return this;
    }

    public Pattern<T, F> until(SimpleCondition<F> condition) {
        return until((IterativeCondition<F>) condition);
    }

    // ---- quantifiers

    public Pattern<T, F> oneOrMore() {
        return oneOrMore(null);
    }

    /**
     * One or more events; with a {@code windowTime}, consecutive events of the loop must be less than
     * that apart (Flink 1.19+), otherwise the partial match times out.
     */
    public Pattern<T, F> oneOrMore(Duration windowTime) {
        checkNotNegation("oneOrMore()");
        checkNoQuantifierYet();
        this.quantifier = Quantifier.looping(quantifier.getConsumingStrategy()).withOptionalOf(quantifier);
        this.times = Times.of(1, windowTime);
        return this;
    }

    public Pattern<T, F> timesOrMore(int times) {
        return timesOrMore(times, null);
    }

    /** At least {@code times} events, consecutive ones less than {@code windowTime} apart if it is given. */
    public Pattern<T, F> timesOrMore(int times, Duration windowTime) {
        checkNotNegation("timesOrMore()");
        checkNoQuantifierYet();
        if (times <= 0) {
            throw new IllegalArgumentException("timesOrMore(" + times + ") needs a count of at least 1; "
                + "use oneOrMore().optional() for zero or more");
        }
        this.quantifier = Quantifier.looping(quantifier.getConsumingStrategy()).withOptionalOf(quantifier);
        this.times = Times.of(times, windowTime);
        return this;
    }

    public Pattern<T, F> times(int times) {
        return times(times, (Duration) null);
    }

    /** Exactly {@code times} events, consecutive ones less than {@code windowTime} apart if it is given. */
    public Pattern<T, F> times(int times, Duration windowTime) {
        checkNotNegation("times()");
        checkNoQuantifierYet();
        if (times <= 0) {
            throw new IllegalArgumentException("times(" + times + ") needs a count of at least 1; use optional() for zero or one");
        }
        this.quantifier = Quantifier.times(quantifier.getConsumingStrategy()).withOptionalOf(quantifier);
        this.times = Times.of(times, windowTime);
        return this;
    }

    /** Between {@code from} and {@code to} events (inclusive); {@code from == 0} makes the stage optional. */
    public Pattern<T, F> times(int from, int to) {
        return times(from, to, null);
    }

    /**
     * Between {@code from} and {@code to} events (inclusive), consecutive ones less than
     * {@code windowTime} apart if it is given; {@code from == 0} makes the stage optional.
     */
    public Pattern<T, F> times(int from, int to, Duration windowTime) {
        checkNotNegation("times()");
        checkNoQuantifierYet();
        if (from < 0 || to < from || to == 0) {
            throw new IllegalArgumentException("times(" + from + ", " + to + ") needs 0 <= from <= to and to >= 1");
        }
        this.quantifier = Quantifier.times(quantifier.getConsumingStrategy()).withOptionalOf(quantifier);
        if (from == 0) {
            if (!quantifier.hasProperty(QuantifierProperty.OPTIONAL)) {
                quantifier.optional(name);
            }
            from = 1;
        }
        this.times = Times.of(from, to, windowTime);
        return this;
    }

    /** The stage may take no event at all. */
    public Pattern<T, F> optional() {
        if (previous != null && previous.getQuantifier().hasProperty(QuantifierProperty.GREEDY)) {
            // as in Flink: the greedy loop before would always take the events this stage could skip to
            throw new MalformedPatternException("Optional pattern cannot be preceded by greedy pattern (stage '" + name
                + "' follows the greedy stage '" + previous.getName() + "'); drop greedy() or optional()");
        }
        quantifier.optional(name);
        return this;
    }

    /** A looping/times stage takes as many events as it can before the next stage may take one. */
    public Pattern<T, F> greedy() {
        checkNotNegation("greedy()");
        quantifier.greedy(name);
        return this;
    }

    /** The events of a looping/times stage must be contiguous. */
    public Pattern<T, F> consecutive() {
        quantifier.consecutive(name);
        return this;
    }

    /** A looping/times stage may take any combination of matching events (relaxed, non-deterministic). */
    public Pattern<T, F> allowCombinations() {
        quantifier.combinations(name);
        return this;
    }

    // ---- time

    /** The whole match must fit in {@code windowTime} (first to last event, exclusive bound). */
    public Pattern<T, F> within(Duration windowTime) {
        return within(windowTime, WithinType.FIRST_AND_LAST);
    }

    public Pattern<T, F> within(Duration windowTime, WithinType withinType) {
        Objects.requireNonNull(windowTime, "windowTime");
        Objects.requireNonNull(withinType, "withinType");
        // event time is in milliseconds: a sub-millisecond window would be 0, which means "no within"
        if (windowTime.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("Stage '" + name + "': within(windowTime) needs windowTime of at least 1 ms, got "
                + windowTime);
        }
        if (windowTime.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("Stage '" + name + "': within(windowTime) needs windowTime of at most "
                + Long.MAX_VALUE + " ms, got " + windowTime);
        }
        windowTimes.put(withinType, windowTime);
        return this;
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public Pattern<T, F> within(dev.runnel.api.windowing.time.Time windowTime) {
        return within(windowTime.toDuration());
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public Pattern<T, F> within(dev.runnel.api.windowing.time.Time windowTime, WithinType withinType) {
        return within(windowTime.toDuration(), withinType);
    }

    // ---- accessors

    public String getName() {
        return name;
    }

    public Pattern<T, ? extends T> getPrevious() {
        return previous;
    }

    /** The stage's condition; null when it accepts every event. */
    public IterativeCondition<F> getCondition() {
        return condition;
    }

    public IterativeCondition<F> getUntilCondition() {
        return untilCondition;
    }

    public Quantifier getQuantifier() {
        return quantifier;
    }

    public Times getTimes() {
        return times;
    }

    /** The FIRST_AND_LAST window of this stage, or null. */
    public Duration getWindowTime() {
        return windowTimes.get(WithinType.FIRST_AND_LAST);
    }

    public Duration getWindowTime(WithinType type) {
        return windowTimes.get(type);
    }

    public AfterMatchSkipStrategy getAfterMatchSkipStrategy() {
        return afterMatchSkipStrategy;
    }

    // ---- checks

    protected MalformedPatternException malformed(String fix) {
        return new MalformedPatternException("Stage '" + name + "': " + fix);
    }

    private void checkNotNegation(String what) {
        if (quantifier.isNegation()) {
            throw malformed(what + " cannot be applied to a NOT stage (notNext/notFollowedBy); it matches the absence of one event");
        }
    }

    private void checkNoQuantifierYet() {
        if (!quantifier.hasProperty(QuantifierProperty.SINGLE)) {
            throw malformed("a quantifier is already applied (" + quantifier + "); use one of times/timesOrMore/oneOrMore per stage");
        }
    }

    private void checkNoOptionalBeforeNot(String notName) {
        if (quantifier.hasProperty(QuantifierProperty.OPTIONAL)) {
            throw new MalformedPatternException("Stage '" + notName + "': a NOT stage cannot follow the optional stage '" + name
                + "'; write two patterns instead, one with and one without the optional stage");
        }
    }

    @Override
    public String toString() {
        return "Pattern{name='" + name + "', quantifier=" + quantifier + ", times=" + times + ", windowTimes=" + windowTimes + '}';
    }
}
