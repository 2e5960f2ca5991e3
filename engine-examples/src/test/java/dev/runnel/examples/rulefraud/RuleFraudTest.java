package dev.runnel.examples.rulefraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.OutputTag;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.ManualClock;
import dev.runnel.cep.dynamic.Rule;
import dev.runnel.examples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S7 on the bundled sample and on rules files of its own, with exact outputs; the rules file source on its own. */
class RuleFraudTest {
    @TempDir
    Path dir;

    @Test
    void sampleRulesChangeAtTheirEventTime() {
        CliRun run = CliRun.of("rulefraud");
        assertThat(run.exitCode()).isZero();
        // mallory's 5 logins match v1 (5 in a row); from 09:30 v2 wants 3 in 2 minutes: bob's three at 09:40 match it
        assertThat(run.kind("ALERT")).containsExactly(
            "ALERT rapid-logins v1 user=mallory at 2024-05-11T09:10:40Z: first_login=1 subsequent_logins=4",
            "ALERT rapid-logins v2 user=bob at 2024-05-11T09:40:40Z: first_login=1 subsequent_logins=2",
            "ALERT large-then-small v1 user=dave at 2024-05-11T09:58:00Z: large=1 small=10");
        assertThat(run.kind("RULE_ERROR")).containsExactly(
            "RULE_ERROR small-total v1: pattern.stages[0] 'large'.where: ERROR: <input>:1:31: undeclared reference to 'amout' (in container '')");
        assertThat(run.kind("LATE")).containsExactly("LATE user=bob page_view at 2024-05-11T09:41:20Z");
    }

    @Test
    void aRuleRemovedAtAnEventTimeAndABadLine() throws Exception {
        Path rules = dir.resolve("rules.jsonl");
        Files.writeString(rules, """
            {"id": "logins", "version": 1, "pattern": {"stages": [{"name": "a", "where": "eventType == 'login'"}, {"name": "b", "contiguity": "next", "where": "eventType == 'login'"}], "within": "PT1M"}}
            not a rule
            {"id": "logins", "version": 2, "at": "2024-05-11 09:10:15", "removed": true}
            """);
        CliRun run = CliRun.of("rulefraud", "--rules", rules.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        // mallory's logins at 09:10:00, :10 match pairwise until the removal at 09:10:15; the others come later
        assertThat(run.kind("ALERT")).containsExactly("ALERT logins v1 user=mallory at 2024-05-11T09:10:10Z: a=1 b=1");
        assertThat(run.kind("RULE_ERROR")).hasSize(1).allMatch(l -> l.startsWith("RULE_ERROR " + rules + ":2 v0: Rule line is not JSON"));
    }

    /** Collects what the source emits. */
    private static final class Collected implements SourceOutput<Rule> {
        final List<String> out = new ArrayList<>();
        boolean idle;

        @Override
        public void collect(Rule record) {
            out.add(record.id() + " v" + record.version());
        }

        @Override
        public void collect(Rule record, long timestamp) {
            out.add(record.id() + " v" + record.version() + " @" + timestamp);
        }

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {}

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            out.add("bad " + value);
        }

        @Override
        public void advanceProcessingTimeTo(long millis) {}
    }

    @Test
    void followingTheRulesFileReadsAppendedLinesAndResumesFromItsPosition() throws Exception {
        Path rules = dir.resolve("live.jsonl");
        String rule = "{\"id\": \"r\", \"version\": %d, \"pattern\": {\"stages\": [{\"name\": \"a\", \"where\": \"true\"}]}}\n";
        Files.writeString(rules, rule.formatted(1) + "{\"id\": \"r\", \"version\": 2, \"at\": \"1970-01-01 00:00:01\", \"pattern\": {}}\n"
            + "{\"id\": \"half");
        ManualClock clock = new ManualClock(1_000_000);
        RuleLines source = RuleLines.file(rules, true, ZoneId.of("UTC"), clock);
        Collected c = new Collected();
        assertThat(source.poll(c, 100)).isEqualTo(SourceStatus.NOTHING_AVAILABLE);
        assertThat(c.out).containsExactly("r v1", "r v2 @1000");
        assertThat(c.idle).isTrue();
        long position = source.position();

        Files.writeString(rules, " line\"}\n" + rule.formatted(3), StandardOpenOption.APPEND);
        clock.advance(199);
        source.poll(c, 100);
        assertThat(c.out).as("a followed file is looked at 5 times a second").hasSize(2);
        clock.advance(1);
        source.poll(c, 100);
        assertThat(c.out).hasSize(4).endsWith("r v3");
        assertThat(c.out.get(2)).startsWith("bad RuleError[" + rules + ":3 v0: Rule line needs a string \"id\"");

        RuleLines restored = RuleLines.file(rules, true, ZoneId.of("UTC"), clock);
        restored.restorePosition(position);
        Collected again = new Collected();
        restored.poll(again, 100);
        assertThat(again.out).hasSize(2).endsWith("r v3");
    }
}
