package dev.runnel.examples.cepfraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.CliRun;
import dev.runnel.examples.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CepFraudDetectionTest {
    private static final long T0 = 1_715_418_000_000L; // 2024-05-11 09:00:00 UTC
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final double[] LONDON = {51.5074, -0.1278};
    private static final double[] PARIS = {48.8566, 2.3522};
    private static final double[] TOKYO = {35.6762, 139.6503};

    @Test
    void bundledSampleRaisesOneAlertPerRuleAndFlagsTheScraperSession() {
        CliRun run = CliRun.of("cepfraud", "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(
            "ALERT RAPID_LOGIN_ATTEMPTS user=mallory risk=0.80 at 2024-05-11T09:10:40Z: 5 logins in 40 s",
            "DEAD_LETTER samples/user-events.csv:18: column 'amount': 'twelve' is not a number "
                + "[dave,transaction,2024-05-11 09:35:00,twelve,48.8566,2.3522,,transfer]",
            "ALERT SUSPICIOUS_TRANSACTION_PATTERN user=dave risk=0.90 at 2024-05-11T09:58:00Z: "
                + "transaction of 15000.00 followed by 10 small ones (total 520.00) within 28 min",
            "LATE user=bob page_view at 2024-05-11T09:41:20Z",
            "ALERT GEOGRAPHICAL_IMPOSSIBILITY user=carol risk=0.95 at 2024-05-11T10:20:00Z: "
                + "login 9559 km from the previous one, 1.00 h later: 9559 km/h",
            "SESSION_ANOMALY user=scraper [2024-05-11T10:00:00Z,2024-05-11T10:30:00Z) events=105 duration=1040 s pages=0 "
                + "types={api_call=105} score=0.5");
        // bob's three logins are not five; alice's page view 3 s out of order is within the 5 s bound
        assertThat(run.stderr()).contains("summary: rows=138 dead-letters=1 late=1")
            .contains("outputs: ALERT=3 DEAD_LETTER=1 LATE=1 SESSION=9 SESSION_ANOMALY=1");
    }

    @Test
    void eventDatedIn2099GoesToFutureAndChangesNoAlert(@TempDir Path dir) throws IOException {
        // alice's page view dated 2099 after her login: without the guard every later event would be late,
        // and no pattern or session window would see them
        Path file = Samples.withLineAt(dir, "user-events.csv", 2, "alice,page_view,2099-05-11 09:01:00,,51.5074,-0.1278,/home,");

        CliRun run = CliRun.of("cepfraud", "--quiet", "--input", file.toString());

        assertThat(run.kind("FUTURE")).containsExactly("FUTURE user=alice page_view at 2099-05-11T09:01:00Z");
        assertThat(run.kind("ALERT")).hasSize(3);
        assertThat(run.kind("LATE")).containsExactly("LATE user=bob page_view at 2024-05-11T09:41:20Z");
        assertThat(run.stderr()).contains("summary: rows=139 dead-letters=1 late=1 future=1");
    }

    @Test
    void theSecondLoginMustFollowTheFirstDirectlyAndTheRestMayHaveEventsBetween() {
        ScriptedSource<UserEvent> source = ScriptedSource.create();
        long t = T0;
        // u1: login, page view, then four logins: the first login is not followed directly by one,
        // and the second login has only three after it -- no match
        for (String type : List.of("login", "page_view", "login", "login", "login", "login")) {
            source.event(event("u1", type, t, Double.NaN, PARIS), t);
            t += 10 * SECOND;
        }
        // u2: two logins in a row, then page views between the next three -- times(4) is relaxed
        t = T0;
        for (String type : List.of("login", "login", "page_view", "login", "page_view", "login", "login")) {
            source.event(event("u2", type, t, Double.NaN, PARIS), t);
            t += 10 * SECOND;
        }

        assertThat(run(source).alerts).containsExactly(FraudAlert.of("u2", FraudAlert.Type.RAPID_LOGIN_ATTEMPTS,
            "5 logins in 60 s", T0 + 60 * SECOND));
    }

    @Test
    void fiveLoginsSpreadOverFiveMinutesOrMoreAreNotRapid() {
        ScriptedSource<UserEvent> source = ScriptedSource.create();
        for (int k = 0; k < 5; k++) {
            long t = T0 + k * 75 * SECOND;   // first to fifth: exactly 5 min; within is exclusive
            source.event(event("u1", "login", t, Double.NaN, PARIS), t);
        }

        assertThat(run(source).alerts).isEmpty();
    }

    @Test
    void loginsAreComparedInEventTimeOrderNotArrivalOrder() {
        // arrival: London 09:00, London 11:00, Tokyo 10:00 (late by an hour, but the script's
        // watermark has not passed it). In event time: London -> Tokyo -> London, two impossible trips.
        ScriptedSource<UserEvent> source = ScriptedSource.<UserEvent>create()
            .event(event("u1", "login", T0, Double.NaN, LONDON), T0)
            .event(event("u1", "login", T0 + 120 * MINUTE, Double.NaN, LONDON), T0 + 120 * MINUTE)
            .event(event("u1", "login", T0 + 60 * MINUTE, Double.NaN, TOKYO), T0 + 60 * MINUTE);

        assertThat(run(source).alerts).extracting(FraudAlert::type, FraudAlert::timestamp).containsExactly(
            org.assertj.core.groups.Tuple.tuple(FraudAlert.Type.GEOGRAPHICAL_IMPOSSIBILITY, T0 + 60 * MINUTE),
            org.assertj.core.groups.Tuple.tuple(FraudAlert.Type.GEOGRAPHICAL_IMPOSSIBILITY, T0 + 120 * MINUTE));
    }

    @Test
    void nearbyLoginsSecondsApartAndFarLoginsHoursApartAreNotImpossibleTravel() {
        ScriptedSource<UserEvent> source = ScriptedSource.<UserEvent>create()
            .event(event("u1", "login", T0, Double.NaN, LONDON), T0)
            .event(event("u1", "login", T0 + 10 * SECOND, Double.NaN, new double[] {51.53, -0.10}), T0 + 10 * SECOND) // 3 km
            .event(event("u1", "login", T0 + 2 * 3_600 * SECOND, Double.NaN, PARIS), T0 + 2 * 3_600 * SECOND);       // 344 km in 2 h

        assertThat(run(source).alerts).isEmpty();
    }

    @Test
    void largeTransactionNeedsTenSmallOnesWithinTheHour() {
        ScriptedSource<UserEvent> source = ScriptedSource.create();
        // u1: ten small ones, the tenth 61 min after the large one; u2: only nine
        source.event(event("u1", "transaction", T0, 12_000, PARIS), T0);
        source.event(event("u2", "transaction", T0, 12_000, PARIS), T0);
        for (int k = 1; k <= 10; k++) {
            long t = T0 + (k == 10 ? 61 : k * 5) * MINUTE;
            source.event(event("u1", "transaction", t, 50, PARIS), t);
            if (k < 10) {
                source.event(event("u2", "transaction", t, 50, PARIS), t);
            }
        }
        source.event(event("u2", "transaction", T0 + 55 * MINUTE, 150, PARIS), T0 + 55 * MINUTE); // not small

        assertThat(run(source).alerts).isEmpty();
    }

    @Test
    void sessionScoreAddsFloodAndScraperAndCapsAtOne() {
        ScriptedSource<UserEvent> source = ScriptedSource.create();
        for (int k = 0; k < 1001; k++) {
            long t = T0 + k * SECOND;
            source.event(event("flood", k % 2 == 0 ? "page_view" : "api_call", t, Double.NaN, PARIS), t);  // 0.3
            source.event(event("bot", "api_call", t, Double.NaN, PARIS), t);                                  // 0.3 + 0.5
            if (k <= 100) {
                source.event(event("scraper", "api_call", t, Double.NaN, PARIS), t);                           // 101 calls: 0.5
            }
            if (k < 100) {
                source.event(event("busy", "api_call", t, Double.NaN, PARIS), t);                              // 100 calls: 0
            }
        }

        Map<String, Double> scores = new java.util.TreeMap<>();
        run(source).sessions.forEach(s -> scores.put(s.userId(), s.anomalyScore()));

        assertThat(scores).containsExactly(Map.entry("bot", 0.8), Map.entry("busy", 0.0), Map.entry("flood", 0.3),
            Map.entry("scraper", 0.5));
    }

    @Test
    void jsonLinesWithNestedPropertiesAreReadAndABrokenLineIsADeadLetter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, String.join("\n",
            "{\"user_id\":\"eve\",\"event_type\":\"login\",\"timestamp\":\"2024-05-11 09:00:00\",\"properties\":{\"latitude\":51.5074,\"longitude\":-0.1278}}",
            "{\"user_id\":\"eve\",\"event_type\":\"login\",\"timestamp\":\"2024-05-11 09:30:00\",\"properties\":{\"latitude\":\"35.6762\",\"longitude\":139.6503}}",
            "{\"user_id\":\"eve\",\"event_type\":\"transaction\",\"timestamp\":\"2024-05-11 09:31:00\",\"properties\":{\"amount\":\"lots\"}}",
            "{\"user_id\":\"eve\",\"event_type\":\"logout\""));

        CliRun run = CliRun.of("cepfraud", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).isEqualTo("DEAD_LETTER " + file + ":3: property 'amount': 'lots' is not a number "
            + "[{\"user_id\":\"eve\",\"event_type\":\"transaction\",\"timestamp\":\"2024-05-11 09:31:00\",\"properties\":{\"amount\":\"lots\"}}]");
        assertThat(run.lines().get(1)).startsWith("DEAD_LETTER " + file + ":4: not JSON: Unexpected end-of-input");
        assertThat(run.lines().get(2)).isEqualTo("ALERT GEOGRAPHICAL_IMPOSSIBILITY user=eve risk=0.95 at 2024-05-11T09:30:00Z: "
            + "login 9559 km from the previous one, 0.50 h later: 19117 km/h");
    }

    private record Outputs(List<FraudAlert> alerts, List<SessionSummary> sessions) {}

    private static Outputs run(ScriptedSource<UserEvent> source) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<UserEvent> events = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        CepFraudDetection.Outputs outputs = CepFraudDetection.detect(events, CepFraudDetection.Config.defaults());
        CollectSink<FraudAlert> alerts = new CollectSink<>();
        CollectSink<SessionSummary> sessions = new CollectSink<>();
        outputs.alerts().addSink(alerts);
        outputs.sessions().addSink(sessions);
        env.execute("cepfraud-test");
        return new Outputs(alerts.values(), sessions.values());
    }

    private static UserEvent event(String user, String type, long t, double amount, double[] place) {
        return new UserEvent(user, type, t, amount, place[0], place[1], type.equals("page_view") ? "/home" : "", "");
    }
}
