package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import dev.runnel.checkpoint.CrashLoop;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pattern jobs killed at random records resume from their checkpoints and commit exactly the
 * output of an uninterrupted run: events buffered for the watermark, partial matches sharing
 * buffer nodes, timeouts, held-back matches of skip strategies, late events.
 */
class CepCrashAndRestoreTest {
    private static final OutputTag<Event> LATE = OutputTag.of("late", Event.class);
    private static final OutputTag<String> TIMED_OUT = OutputTag.of("timed-out", String.class);

    @TempDir
    Path dir;

    private static SimpleCondition<Event> type(int t) {
        return SimpleCondition.of(e -> e.type() == t);
    }

    private static String indexes(Map<String, List<Event>> match) {
        return match.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().stream().map(x -> String.valueOf(x.index())).collect(Collectors.joining(",")))
            .collect(Collectors.joining(" "));
    }

    @Test
    void consecutiveTypesLikeW6() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 30_000, (events, sinks) -> {
            Pattern<Event, ?> pattern = Pattern.<Event>begin("first").where(type(0))
                .next("rest").where(type(0)).times(4)
                .within(Duration.ofMinutes(5));
            PatternStream<Event> matches = CEP.pattern(events.keyBy(e -> e.key() % 100), pattern).sideOutputLateData(LATE);
            DataStream<String> main = matches.select(CepCrashAndRestoreTest::indexes);
            sinks.accept("matches", main);
            sinks.accept("late", main.getSideOutput(LATE).map(Event::toString));
        }).checkAgainstUninterrupted(11, 4);
        assertThat(out.get("matches")).hasSizeGreaterThan(20);
        assertThat(out.get("late")).isNotEmpty();
    }

    @Test
    void followedByAnyWithTimeoutsAndSkipStrategy() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            Pattern<Event, ?> pattern = Pattern.<Event>begin("a", AfterMatchSkipStrategy.skipPastLastEvent()).where(type(1))
                .followedByAny("b").where(SimpleCondition.of(e -> e.value() > 60)).oneOrMore()
                .followedBy("c").where(type(2))
                .within(Duration.ofMillis(400));
            DataStream<String> main = CEP.pattern(events.keyBy(e -> e.key() % 40), pattern)
                .select(TIMED_OUT, (partial, ts) -> "timeout@" + ts + " " + indexes(partial), CepCrashAndRestoreTest::indexes);
            sinks.accept("matches", main);
            sinks.accept("timeouts", main.getSideOutput(TIMED_OUT));
        }).checkAgainstUninterrupted(12, 4);
        assertThat(out.get("matches")).isNotEmpty();
        assertThat(out.get("timeouts")).isNotEmpty();
    }

    @Test
    void equalTimestampsOrderedByAComparator() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            Pattern<Event, ?> pattern = Pattern.<Event>begin("x").where(type(2))
                .next("y").where(SimpleCondition.of(e -> e.value() < 50)).times(2)
                .within(Duration.ofSeconds(2));
            DataStream<Event> coarse = events.map(e -> new Event(e.index(), e.key(), e.type(), e.value(), e.timestamp() / 50 * 50))
                .name("coarse");
            sinks.accept("matches", CEP.pattern(coarse.keyBy(e -> e.key() % 20), pattern,
                    (a, b) -> Long.compare(b.value(), a.value()))
                .select(CepCrashAndRestoreTest::indexes));
        }).checkAgainstUninterrupted(13, 4);
        assertThat(out.get("matches")).isNotEmpty();
    }

    @Test
    void partialMatchesAtParallelismTwoRestoredAtThree() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            Pattern<Event, ?> pattern = Pattern.<Event>begin("a").where(type(1))
                .followedBy("b").where(SimpleCondition.of(e -> e.value() > 60)).times(2)
                .within(Duration.ofMillis(600));
            DataStream<String> main = CEP.pattern(events.keyBy(e -> e.key() % 40), pattern).sideOutputLateData(LATE)
                .select(TIMED_OUT, (partial, ts) -> "timeout@" + ts + " " + indexes(partial), CepCrashAndRestoreTest::indexes);
            sinks.accept("matches", main);
            sinks.accept("timeouts", main.getSideOutput(TIMED_OUT));
        }).checkAgainstUninterrupted(14, 3, 2, 3);
        assertThat(out.get("matches")).isNotEmpty();
        assertThat(out.get("timeouts")).isNotEmpty();
    }
}
