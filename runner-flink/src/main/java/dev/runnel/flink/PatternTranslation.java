package dev.runnel.flink;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.GroupPattern;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.Quantifier;
import dev.runnel.cep.pattern.Quantifier.ConsumingStrategy;
import dev.runnel.cep.pattern.Quantifier.QuantifierProperty;
import dev.runnel.cep.pattern.WithinType;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a Runnel pattern as a Flink pattern by replaying the calls that built it: each stage's
 * contiguity ({@code next}, {@code followedBy}, {@code followedByAny}, {@code notNext},
 * {@code notFollowedBy}, groups), its condition (wrapped), quantifier ({@code oneOrMore},
 * {@code timesOrMore}, {@code times} with their windows), {@code optional}, {@code greedy},
 * {@code consecutive}, {@code allowCombinations}, {@code until}, {@code within} of both types, and
 * the skip strategy. Runnel's pattern language follows Flink 1.20's, so every construct has its
 * counterpart; the one Runnel reads differently on purpose ({@code within(PREVIOUS_AND_CURRENT)} on a
 * quantified stage, which Flink ignores) is refused.
 */
final class PatternTranslation {
    private final String operator;

    PatternTranslation(String operator) {
        this.operator = operator;
    }

    org.apache.flink.cep.pattern.Pattern<Object, Object> translate(Pattern<?, ?> last) {
        return chain(last, skip(last.getAfterMatchSkipStrategy()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.apache.flink.cep.pattern.Pattern<Object, Object> chain(Pattern<?, ?> last,
            org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy skip) {
        List<Pattern<?, ?>> stages = new ArrayList<>();
        for (Pattern<?, ?> p = last; p != null; p = p.getPrevious()) {
            stages.add(0, p);
        }
        org.apache.flink.cep.pattern.Pattern flink = null;
        for (Pattern<?, ?> stage : stages) {
            ConsumingStrategy contiguity = stage.getQuantifier().getConsumingStrategy();
            if (stage instanceof GroupPattern<?, ?> group) {
                org.apache.flink.cep.pattern.Pattern inner = chain(group.getRawPattern(), null);
                if (flink == null) {
                    flink = skip == null ? org.apache.flink.cep.pattern.Pattern.begin(inner)
                        : org.apache.flink.cep.pattern.Pattern.begin(inner, skip);
                } else {
                    flink = switch (contiguity) {
                        case STRICT -> flink.next(inner);
                        case SKIP_TILL_ANY -> flink.followedByAny(inner);
                        default -> flink.followedBy(inner);
                    };
                }
            } else if (flink == null) {
                flink = skip == null ? org.apache.flink.cep.pattern.Pattern.begin(stage.getName())
                    : org.apache.flink.cep.pattern.Pattern.begin(stage.getName(), skip);
            } else {
                flink = switch (contiguity) {
                    case STRICT -> flink.next(stage.getName());
                    case SKIP_TILL_NEXT -> flink.followedBy(stage.getName());
                    case SKIP_TILL_ANY -> flink.followedByAny(stage.getName());
                    case NOT_NEXT -> flink.notNext(stage.getName());
                    case NOT_FOLLOW -> flink.notFollowedBy(stage.getName());
                };
            }
            flink = stageProperties(stage, flink);
        }
        return flink;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private org.apache.flink.cep.pattern.Pattern stageProperties(Pattern<?, ?> stage, org.apache.flink.cep.pattern.Pattern flink) {
        if (!(stage instanceof GroupPattern<?, ?>) && stage.getCondition() != null) {
            flink = flink.where(new FlinkCondition((IterativeCondition<Object>) stage.getCondition()));
        }
        Quantifier q = stage.getQuantifier();
        Quantifier.Times times = stage.getTimes();
        Duration between = times == null ? null : times.windowSize();
        if (q.hasProperty(QuantifierProperty.LOOPING)) {
            if (times.from() == 1) {
                flink = between == null ? flink.oneOrMore() : flink.oneOrMore(between);
            } else {
                flink = between == null ? flink.timesOrMore(times.from()) : flink.timesOrMore(times.from(), between);
            }
        } else if (q.hasProperty(QuantifierProperty.TIMES)) {
            if (times.from() == times.to()) {
                flink = between == null ? flink.times(times.from()) : flink.times(times.from(), between);
            } else {
                flink = between == null ? flink.times(times.from(), times.to()) : flink.times(times.from(), times.to(), between);
            }
        }
        if (q.hasProperty(QuantifierProperty.OPTIONAL)) {
            flink = flink.optional();
        }
        if (q.getInnerConsumingStrategy() == ConsumingStrategy.STRICT
                && (q.hasProperty(QuantifierProperty.LOOPING) || q.hasProperty(QuantifierProperty.TIMES))) {
            flink = flink.consecutive();
        } else if (q.getInnerConsumingStrategy() == ConsumingStrategy.SKIP_TILL_ANY) {
            flink = flink.allowCombinations();
        }
        if (q.hasProperty(QuantifierProperty.GREEDY)) {
            flink = flink.greedy();
        }
        if (stage.getUntilCondition() != null) {
            flink = flink.until(new FlinkCondition((IterativeCondition<Object>) stage.getUntilCondition()));
        }
        Duration firstAndLast = stage.getWindowTime(WithinType.FIRST_AND_LAST);
        if (firstAndLast != null) {
            flink = flink.within(firstAndLast, org.apache.flink.cep.pattern.WithinType.FIRST_AND_LAST);
        }
        Duration previousAndCurrent = stage.getWindowTime(WithinType.PREVIOUS_AND_CURRENT);
        if (previousAndCurrent != null) {
            if (q.hasProperty(QuantifierProperty.LOOPING) || q.hasProperty(QuantifierProperty.TIMES)) {
                throw new UntranslatableException(operator, "stage '" + stage.getName() + "' has within(" + previousAndCurrent
                    + ", PREVIOUS_AND_CURRENT) and a quantifier: Runnel applies that window between every two events of the "
                    + "stage, Flink ignores it there; use the windowed quantifier (times(n, window), oneOrMore(window), ...) "
                    + "for the same meaning on both engines");
            }
            flink = flink.within(previousAndCurrent, org.apache.flink.cep.pattern.WithinType.PREVIOUS_AND_CURRENT);
        }
        return flink;
    }

    /** Runnel's skip strategies name themselves in toString (their fields are private); one per Flink strategy. */
    private static org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy skip(AfterMatchSkipStrategy s) {
        String text = s.toString();
        if (text.equals("NoSkip")) {
            return org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy.noSkip();
        } else if (text.equals("SkipToNext")) {
            return org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy.skipToNext();
        } else if (text.equals("SkipPastLastEvent")) {
            return org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy.skipPastLastEvent();
        }
        String stage = s.getPatternName().orElseThrow(() -> new IllegalArgumentException("Unknown skip strategy " + text));
        boolean throwOnMiss = text.endsWith(".throwExceptionOnMiss()");
        if (text.startsWith("SkipToLast")) {
            var toLast = org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy.skipToLast(stage);
            return throwOnMiss ? toLast.throwExceptionOnMiss() : toLast;
        }
        var toFirst = org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy.skipToFirst(stage);
        return throwOnMiss ? toFirst.throwExceptionOnMiss() : toFirst;
    }
}
