package dev.runnel.benchmarks;

import dev.runnel.cep.CEP;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.time.Duration;

/** W5–W7: CEP patterns keyed by {@code key % 10_000}, counting matches. */
public final class CepWorkloads {
    private CepWorkloads() {}

    private static SimpleCondition<Event> type(int t) {
        return new SimpleCondition<>() {
            @Override
            public boolean filter(Event e) {
                return e.type == t;
            }
        };
    }

    private static long run(String name, long n, long seed, Pattern<Event, ?> pattern) {
        return EngineWorkloads.run(name, n, seed, 1, events -> CEP.pattern(events.keyBy(e -> e.key % 10_000), pattern).select(match -> 1L));
    }

    public static long w5(long n, long seed) {
        return run("W5", n, seed, w5Pattern());
    }

    public static long w6(long n, long seed) {
        return run("W6", n, seed, w6Pattern());
    }

    public static long w7(long n, long seed) {
        return run("W7", n, seed, w7Pattern());
    }

    /** W5: a type-0 event followed (not necessarily directly) by a type-1 event within 10 s. */
    public static Pattern<Event, Event> w5Pattern() {
        return Pattern.<Event>begin("a").where(type(0))
            .followedBy("b").where(type(1))
            .within(Duration.ofSeconds(10));
    }

    /** W6: a type-0 event, directly followed by four more (next; relaxed inside times(4), as in Flink) within 5 min. */
    public static Pattern<Event, Event> w6Pattern() {
        return Pattern.<Event>begin("first").where(type(0))
            .next("rest").where(type(0)).times(4)
            .within(Duration.ofMinutes(5));
    }

    /** W7: an amount above 9000 followed by three amounts below 100 (relaxed contiguity throughout) within 1 h. */
    public static Pattern<Event, Event> w7Pattern() {
        return Pattern.<Event>begin("large").where(new SimpleCondition<>() {
                @Override
                public boolean filter(Event e) {
                    return e.amount > 9000;
                }
            })
            .followedBy("small").where(new SimpleCondition<>() {
                @Override
                public boolean filter(Event e) {
                    return e.amount < 100;
                }
            }).times(3)
            .within(Duration.ofHours(1));
    }
}
