package dev.runnel.cep.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.cep.CEP;
import dev.runnel.checkpoint.CrashLoop;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic-pattern jobs killed at random records resume from checkpoints taken between rule updates
 * and commit exactly the output of an uninterrupted run: the rules in force (broadcast state), rule
 * updates waiting for the watermark, each rule version's partial matches, finishing old versions,
 * and events waiting for the watermark. The rule updates come from the event stream itself (at
 * fixed record indexes, with those records' timestamps), so they arrive between checkpoints.
 *
 * <p>Only records ahead of their own stream's watermark are used: with two inputs the operator's
 * watermark is the minimum of both, so whether a record behind its own input's watermark is late
 * depends on how far the other input has been read (as in Flink), and at parallelism 2 that varies
 * from run to run.
 */
class DynamicPatternsRestoreTest {
    @TempDir
    Path dir;

    private static final String TYPE_RUN = """
        {"stages": [{"name": "first", "where": "type == 0"},
                    {"name": "rest", "contiguity": "next", "where": "type == 0", "times": 3}],
         "within": "PT5M"}""";
    private static final String HIGH_AFTER_ONE = """
        {"stages": [{"name": "a", "where": "type == 1"},
                    {"name": "b", "contiguity": "followedByAny", "where": "value > 60", "times": 2}],
         "within": 600, "skip": "skipPastLastEvent"}""";
    private static final String ABOVE_SUM = """
        {"stages": [{"name": "a", "where": "type == 2", "times": 2},
                    {"name": "b", "where": "value > sum(stages.a.map(e, e.value))"}],
         "within": 800}""";

    private static final int RECORDS = 18_000;
    /** Whether record i is ahead of the watermark its predecessors announced (see the class comment). */
    private static final boolean[] AHEAD = new boolean[RECORDS];

    static {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < RECORDS; i++) {
            long ts = Event.of(i).timestamp();
            AHEAD[i] = max == Long.MIN_VALUE || ts > max - 100;
            max = Math.max(max, ts);
        }
    }

    private static boolean ahead(Event e) {
        return AHEAD[(int) e.index()];
    }

    /** The first record at or after {@code index} that is ahead of the watermark: the one that carries rules. */
    private static long carrier(long index) {
        while (!AHEAD[(int) index]) {
            index++;
        }
        return index;
    }

    /** The rule updates, by the index of the record that carries them. */
    private static List<Rule> rulesAt(long at) {
        long index = at == carrier(100) ? 100 : at == carrier(5_000) ? 5_000 : at == carrier(9_000) ? 9_000
            : at == carrier(13_000) ? 13_000 : -1;
        if (index == 100) {
            return List.of(Rule.of("run", 1, TYPE_RUN), Rule.of("high", 1, HIGH_AFTER_ONE));
        } else if (index == 5_000) {
            return List.of(Rule.of("sum", 1, ABOVE_SUM), Rule.of("high", 2, HIGH_AFTER_ONE.replace("value > 60", "value > 80")));
        } else if (index == 9_000) {
            return List.of(Rule.removal("run", 2), Rule.of("broken", 1, "{\"stages\": []}"));
        } else if (index == 13_000) {
            return List.of(Rule.of("run", 3, TYPE_RUN.replace("\"times\": 3", "\"times\": 2")),
                Rule.of("sum", 2, ABOVE_SUM).withEnabled(false));
        }
        return List.of();
    }

    private static String indexes(DynamicMatch<Event> m) {
        return m.ruleId() + " v" + m.version() + " " + m.events().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().stream().map(x -> String.valueOf(x.index())).collect(Collectors.joining(",")))
            .collect(Collectors.joining(" "));
    }

    private Map<String, List<String>> crashLoop(RuleChangePolicy policy, long seed, int... parallelism) throws Exception {
        CrashLoop loop = new CrashLoop(dir, RECORDS, (all, sinks) -> {
            DataStream<Event> events = all.filter(DynamicPatternsRestoreTest::ahead).name("ahead");
            DataStream<Rule> rules = events.flatMap((Event e, dev.runnel.api.functions.Collector<Rule> out) -> {
                for (Rule r : rulesAt(e.index())) {
                    out.collect(r);
                }
            }).name("rules");
            DataStream<DynamicMatch<Event>> matches = CEP.dynamicPatterns(events.keyBy(e -> e.key() % 50), rules, Event.class)
                .onRuleChange(policy).matches();
            sinks.accept("matches", matches.map(DynamicPatternsRestoreTest::indexes));
            sinks.accept("errors", matches.getSideOutput(DynamicPatternStream.RULE_ERRORS).map(RuleError::toString));
        });
        return parallelism.length == 0 ? loop.checkAgainstUninterrupted(seed, 4)
            : loop.checkAgainstUninterrupted(seed, 3, parallelism[0], parallelism[1]);
    }

    private static void assertEveryVersionMatched(Map<String, List<String>> out) {
        for (String version : List.of("run v1 ", "high v1 ", "high v2 ", "sum v1 ", "run v3 ")) {
            assertThat(out.get("matches")).as(version).anyMatch(l -> l.startsWith(version));
        }
        assertThat(out.get("matches")).noneMatch(l -> l.startsWith("sum v2 "));
        assertThat(out.get("errors")).containsExactly("RuleError[broken v1: pattern: \"stages\" must be a non-empty array]");
    }

    @Test
    void restoresRulesAndPartialMatchesBetweenRuleUpdates() throws Exception {
        assertEveryVersionMatched(crashLoop(RuleChangePolicy.DROP, 21));
    }

    @Test
    void restoresFinishingOldVersions() throws Exception {
        assertEveryVersionMatched(crashLoop(RuleChangePolicy.FINISH, 22));
    }

    @Test
    void restoresAtAnotherParallelism() throws Exception {
        assertEveryVersionMatched(crashLoop(RuleChangePolicy.FINISH, 23, 2, 3));
    }
}
