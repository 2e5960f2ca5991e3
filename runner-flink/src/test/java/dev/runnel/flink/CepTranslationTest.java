package dev.runnel.flink;

import static dev.runnel.flink.Scripts.collect;
import static dev.runnel.flink.Scripts.events;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.cep.CEP;
import dev.runnel.cep.PatternStream;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.WithinType;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CEP constructs, each run per key on Flink CEP and on Runnel's matcher over the same scripted input. */
class CepTranslationTest {
    private static final OutputTag<String> TIMED_OUT = OutputTag.of("timed-out", String.class);
    private static final OutputTag<Ev> LATE = OutputTag.of("late-events", Ev.class);

    private static SimpleCondition<Ev> mod(int m, int r) {
        return e -> e.value() % m == r;
    }

    /** A named pattern built afresh for each run (patterns are mutable builders). */
    record Case(String name, Supplier<Pattern<Ev, ?>> pattern, boolean timeouts) implements Serializable {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
            new Case("next and followedBy", () -> Pattern.<Ev>begin("a").where(mod(3, 0)).next("b").where(mod(2, 1))
                .followedBy("c").where(mod(5, 0)), false),
            new Case("followedByAny with skipPastLastEvent", () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipPastLastEvent())
                .where(mod(2, 0)).followedByAny("b").where(mod(3, 1)), false),
            new Case("oneOrMore greedy until", () -> Pattern.<Ev>begin("start").where(mod(4, 0))
                .followedBy("run").where(mod(2, 1)).oneOrMore().greedy().until(mod(7, 0))
                .followedBy("end").where(mod(7, 0)), false),
            new Case("times consecutive and optional", () -> Pattern.<Ev>begin("a").where(mod(2, 0)).times(2, 3).consecutive()
                .next("b").where(mod(3, 0)).optional().followedBy("c").where(mod(5, 2)), false),
            new Case("notNext and notFollowedBy in the middle", () -> Pattern.<Ev>begin("a").where(mod(3, 0)).notNext("x").where(mod(2, 0))
                .followedBy("b").where(mod(4, 1)).notFollowedBy("y").where(mod(11, 0)).followedBy("c").where(mod(5, 3)), false),
            new Case("group with quantifier", () -> Pattern.begin(
                    Pattern.<Ev>begin("g1").where(mod(2, 0)).followedBy("g2").where(mod(3, 0)))
                .times(2).followedBy("tail").where(mod(5, 1)), false),
            new Case("skipToFirst", () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipToFirst("b")).where(mod(2, 1))
                .followedBy("b").where(mod(3, 0)).oneOrMore().followedBy("c").where(mod(4, 2)), false),
            new Case("iterative condition and allowCombinations", () -> Pattern.<Ev>begin("first").where(mod(6, 0))
                .followedBy("rest").where((IterativeCondition<Ev>) (e, ctx) -> {
                    int sum = 0;
                    for (Ev x : ctx.getEventsForPattern("rest")) {
                        sum += x.value();
                    }
                    return sum + e.value() < 90;
                }).times(2).allowCombinations().followedBy("last").where(mod(9, 4)), false),
            new Case("within first-and-last with timeouts", () -> Pattern.<Ev>begin("a").where(mod(4, 0))
                .followedBy("b").where(mod(4, 2)).followedBy("c").where(mod(5, 4))
                .within(Duration.ofSeconds(12)), true),
            new Case("within previous-and-current and skipToLast", () -> Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipToLast("b"))
                .where(mod(3, 1)).followedBy("b").where(mod(2, 0)).within(Duration.ofSeconds(5), WithinType.PREVIOUS_AND_CURRENT)
                .followedBy("c").where(mod(3, 2)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameMatchesOnFlink(Case c) throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> evs = events(env, 70);
            PatternStream<Ev> matches = CEP.pattern(evs.keyBy(Ev::key), (Pattern<Ev, ?>) c.pattern().get()).sideOutputLateData(LATE);
            DataStream<String> out = matches.select(TIMED_OUT,
                (Map<String, List<Ev>> partial, long ts) -> "timed out " + describe(partial),
                CepTranslationTest::describe).name("matches");
            collect(sinks, "matches", out);
            collect(sinks, "late", out.getSideOutput(LATE));
            if (c.timeouts()) {
                collect(sinks, "timed-out", out.getSideOutput(TIMED_OUT));
            }
            return sinks;
        }, 1, 2);
    }

    private static String describe(Map<String, List<Ev>> match) {
        return new TreeMap<>(match).toString();
    }
}
