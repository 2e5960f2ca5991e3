package dev.runnel.examples.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.CliRun;
import dev.runnel.examples.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogAnalysisTest {
    private static final long T0 = 1_715_594_400_000L; // 2024-05-13 10:00:00 UTC

    @Test
    void bundledSampleRaisesTheFailedLoginAndInactivityAlertsAndReportsTheBrokenLine() {
        CliRun run = CliRun.of("logs", "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("SECURITY_ALERT")).containsExactlyInAnyOrder(SAMPLE_ALERTS);
        assertThat(run.kind("DEAD_LETTER")).hasSize(1).first().asString()
            .startsWith("DEAD_LETTER samples/logs.jsonl:15: not JSON:");
        assertThat(run.stderr()).contains("summary: rows=16 dead-letters=1");
    }

    @Test
    void lineDatedIn2099GoesToFutureAndRaisesNoFalseInactivityAlert(@TempDir Path dir) throws IOException {
        // the sample with, after alice's first view, a view of hers dated 2099-01-01: without the guard it would
        // raise "Activity after long inactivity ... 656,000 h" and move event time to 2099
        Path file = Samples.withLineAt(dir, "logs.jsonl", 2, line("alice", "view", "4070908800"));

        CliRun run = CliRun.of("logs", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("SECURITY_ALERT")).containsExactlyInAnyOrder(SAMPLE_ALERTS);
        assertThat(run.kind("FUTURE")).containsExactly("FUTURE user=alice view at 2099-01-01T00:00:00Z");
        assertThat(run.kind("LATE")).isEmpty();
        assertThat(run.stderr()).contains("summary: rows=17 dead-letters=1 late=0 future=1");
    }

    @Test
    void lineInMillisecondsWhereSecondsBelongGoesToFutureAndRaisesNoFalseInactivityAlert(@TempDir Path dir) throws IOException {
        // alice's view at 1715594470000 "seconds" (it is milliseconds) is read as the year 56,000 and some
        Path file = Samples.withLineAt(dir, "logs.jsonl", 2, line("alice", "view", "1715594470000"));

        CliRun run = CliRun.of("logs", "--quiet", "--input", file.toString());

        assertThat(run.kind("SECURITY_ALERT")).containsExactlyInAnyOrder(SAMPLE_ALERTS);
        assertThat(run.kind("FUTURE")).hasSize(1).first().asString().startsWith("FUTURE user=alice view at +56335-");
    }

    @Test
    void lineBehindAFinishedActivityWindowIsPrintedAsLate(@TempDir Path dir) throws IOException {
        // after alice's download on 2024-05-14 12:33:20, a view of bob's from 2024-05-13 10:05: its hour has fired
        Path file = Samples.withLineAt(dir, "logs.jsonl", 16, line("bob", "view", "1715594700"));

        CliRun run = CliRun.of("logs", "--quiet", "--input", file.toString());

        assertThat(run.kind("LATE")).containsExactly("LATE user=bob view at 2024-05-13T10:05:00Z");
        assertThat(run.kind("SECURITY_ALERT")).containsExactlyInAnyOrder(SAMPLE_ALERTS);
        assertThat(run.stderr()).contains("late=1 future=0");
    }

    @Test
    void maxAheadThatIsNotAPositiveDurationIsAUsageError() {
        CliRun words = CliRun.of("logs", "--max-ahead", "soon");
        CliRun zero = CliRun.of("logs", "--max-ahead", "0s");
        CliRun huge = CliRun.of("logs", "--max-ahead", "99999999999999999999d");

        assertThat(List.of(words.exitCode(), zero.exitCode(), huge.exitCode())).containsOnly(2);
        for (CliRun run : List.of(words, zero, huge)) {
            assertThat(run.stderr().lines()).hasSize(1).first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("--max-ahead ");
        }
        assertThat(words.stderr()).contains("expects a duration like 500ms, 10s, 5m, 2h or 1d, got 'soon'");
    }

    @Test
    void countStartsAgainAfterASuccessfulLoginAndAfterAnAlert() {
        ScriptedSource<LogEvent> source = ScriptedSource.create();
        long t = T0;
        for (String action : List.of("login_failed", "login_failed", "login_failed", "login_failed", "login_success",
                "login_failed", "login_failed", "login_failed", "login_failed", "login_failed",   // 5 after the reset: alert
                "login_failed", "login_failed", "login_failed", "login_failed")) {               // 4 after the alert: none
            source.event(event("u1", action, t), t);
            t += 10_000;
        }

        List<SecurityAlert> alerts = run(source).alerts;

        assertThat(alerts).containsExactly(new SecurityAlert("u1", SecurityAlert.Type.FAILED_LOGINS,
            "Multiple failed login attempts: 5", T0 + 9 * 10_000));
    }

    @Test
    void failuresFurtherApartThanFiveMinutesDoNotAddUp() {
        ScriptedSource<LogEvent> source = ScriptedSource.create();
        for (int i = 0; i < 6; i++) {
            long t = T0 + i * 80_000L; // the 1st and 5th are 320 s apart; any 5 consecutive span more than 5 min
            source.event(event("u1", "login_failed", t), t).watermark(t);
        }

        assertThat(run(source).alerts).isEmpty();
    }

    @Test
    void activityWindowsCountActionsAndSessionTime() {
        ScriptedSource<LogEvent> source = ScriptedSource.<LogEvent>create()
            .event(event("u1", "login_success", T0), T0)
            .event(event("u1", "view", T0 + 60_000), T0 + 60_000)
            .event(event("u1", "view", T0 + 90_000), T0 + 90_000)
            .event(event("u1", "logout", T0 + 120_000), T0 + 120_000);

        Outputs out = run(source);

        assertThat(out.activity).containsExactly(new UserActivity("u1", T0, T0 + 3_600_000, 4,
            Map.of("login_success", 1L, "logout", 1L, "view", 2L), 1, 120));
    }

    private static final String[] SAMPLE_ALERTS = {
        "SECURITY_ALERT FAILED_LOGINS user=mallory at 2024-05-13T10:03:00Z: Multiple failed login attempts: 5",
        "SECURITY_ALERT LONG_INACTIVITY user=alice at 2024-05-14T12:33:20Z: Activity after long inactivity: download 26 h after the last login"};

    private static String line(String user, String action, String epochSeconds) {
        return "{\"user_id\":\"" + user + "\",\"session_id\":\"s9\",\"action\":\"" + action + "\",\"timestamp\":" + epochSeconds
            + ",\"ip_address\":\"10.0.0.9\",\"user_agent\":\"test\",\"metadata\":{}}";
    }

    private record Outputs(List<SecurityAlert> alerts, List<UserActivity> activity) {}

    private static Outputs run(ScriptedSource<LogEvent> source) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<LogEvent> events = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        LogAnalysis.Outputs outputs = LogAnalysis.analyze(events, LogAnalysis.Config.defaults());
        CollectSink<SecurityAlert> alerts = new CollectSink<>();
        CollectSink<UserActivity> activity = new CollectSink<>();
        outputs.alerts().addSink(alerts);
        outputs.activity().addSink(activity);
        env.execute("logs-test");
        return new Outputs(alerts.values(), activity.values());
    }

    private static LogEvent event(String user, String action, long t) {
        return new LogEvent(user, "s1", action, t, "10.0.0.1", "test", Map.of());
    }
}
