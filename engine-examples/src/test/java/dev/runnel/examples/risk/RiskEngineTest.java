package dev.runnel.examples.risk;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskEngineTest {
    private static final long T0 = 1_715_590_800_000L; // 2024-05-13 09:00:00 UTC, a Monday

    private static final String[] SAMPLE_ALERTS = {
        "ALERT t06 user=alice CRITICAL score=1.00 factors={location=1.00} -> Immediate transaction blocking recommended",
        "ALERT t12 user=bob HIGH score=0.60 factors={velocity=0.60} -> Additional verification required",
        "ALERT t23 user=carol CRITICAL score=1.00 factors={amount=1.00} -> Immediate transaction blocking recommended"};

    @Test
    void bundledSampleRaisesExactlyTheThreeAlertsAndReportsTheMalformedRow() {
        CliRun run = CliRun.of("risk", "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("ALERT")).containsExactly(SAMPLE_ALERTS);
        assertThat(run.kind("DEAD_LETTER")).containsExactly(
            "DEAD_LETTER samples/risk-transactions.csv:35: column 'amount': 'abc' is not a number "
                + "[t24,dave,acc-4,payment,abc,USD,2024-05-13 11:15:00,m-1,40.7128,-74.0060]");
        assertThat(run.stderr()).contains("summary: rows=34 dead-letters=1").contains("ALERT=3").contains("ASSESSMENT=33");
    }

    @Test
    void rowsBehindAnEmittedMinuteOfMetricsArePrintedAsLateWithTheirScore() {
        // the sample is sorted by user: after alice's rows up to 13:50, bob's rows from 09:00 on are behind the
        // watermark of the per-minute metrics; they are still scored (t12 still alerts)
        CliRun run = CliRun.of("risk", "--quiet");

        assertThat(run.kind("LATE")).hasSize(27)
            .startsWith("LATE t07 user=bob at 2024-05-13 09:00:00.000 amount=100.0 level=LOW")
            .contains("LATE t12 user=bob at 2024-05-13 09:02:30.000 amount=100.0 level=HIGH");
        assertThat(run.stderr()).contains("late=27 future=0").contains("LATE=27");
    }

    @Test
    void rowDatedIn2099GoesToFutureAndLeavesTheScoresAndTheMetricsAlone(@TempDir Path dir) throws IOException {
        // a row of bob's dated 2099 after alice's first row: without the guard it would be scored, event time would
        // jump to 2099, every later row would be late for the metrics (32 instead of 27) and 2 minutes of metrics
        // would be emitted instead of 6
        Path file = Samples.withLineAt(dir, "risk-transactions.csv", 2,
            "t99,bob,acc-2,withdrawal,100.00,USD,2099-05-13 09:00:00,atm-1,51.5074,-0.1278");

        CliRun run = CliRun.of("risk", "--quiet", "--input", file.toString());

        assertThat(run.kind("ALERT")).containsExactly(SAMPLE_ALERTS);
        assertThat(run.kind("FUTURE")).containsExactly("FUTURE t99 user=bob at 2099-05-13 09:00:00.000 amount=100.0");
        assertThat(run.stderr()).contains("late=27 future=1").contains("ASSESSMENT=33").contains("METRICS=6");
    }

    @Test
    void velocityCountsExpireWithEventTime() {
        // five withdrawals in 4 minutes reach the 5-minute threshold (0.5); after an hour of event
        // time the timer has dropped them, and the next withdrawal counts as the first again
        ScriptedSource<RiskTransaction> source = ScriptedSource.create();
        for (int i = 0; i < 5; i++) {
            long t = T0 + i * 60_000L;
            source.event(withdrawal("w" + i, t), t).watermark(t);
        }
        long later = T0 + 2 * 3_600_000L;
        source.watermark(later - 1).event(withdrawal("w5", later), later);

        List<RiskAssessment> assessments = run(source);

        assertThat(assessments).extracting(RiskAssessment::transactionId, a -> a.factors().get("velocity"))
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple("w0", null), org.assertj.core.groups.Tuple.tuple("w1", null),
                org.assertj.core.groups.Tuple.tuple("w2", null), org.assertj.core.groups.Tuple.tuple("w3", null),
                org.assertj.core.groups.Tuple.tuple("w4", 0.5), org.assertj.core.groups.Tuple.tuple("w5", null));
        assertThat(assessments.get(4).level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void nightTimeOnAWeekendWithoutWeekendHistoryIsTheTimeCategory() {
        ScriptedSource<RiskTransaction> source = ScriptedSource.create();
        for (int i = 0; i < 5; i++) {
            long t = T0 + i * 3_600_000L;   // Monday 09:00..13:00
            source.event(payment("p" + i, t, 40), t);
        }
        long saturdayThreeAm = T0 + 4 * 86_400_000L + 18 * 3_600_000L; // Saturday 2024-05-18 03:00
        source.event(payment("p5", saturdayThreeAm, 40), saturdayThreeAm);

        RiskAssessment last = run(source).get(5);

        // hour 3 never seen -> habit 0.3; 03:00 -> time 0.2, weekend without history -> time 0.3
        assertThat(last.factors()).containsExactly(java.util.Map.entry("habit", 0.3), java.util.Map.entry("time", 0.3));
        assertThat(last.score()).isEqualTo(0.3);
        assertThat(last.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    private static List<RiskAssessment> run(ScriptedSource<RiskTransaction> source) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<RiskTransaction> txs = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        CollectSink<RiskAssessment> sink = new CollectSink<>();
        RiskEngine.score(txs, RiskEngine.Config.defaults()).assessments().addSink(sink);
        env.execute("risk-test");
        return sink.values();
    }

    private static RiskTransaction withdrawal(String id, long t) {
        return new RiskTransaction(id, "u1", "a1", TransactionType.WITHDRAWAL, 100, "USD", t, "atm", 51.5, -0.12);
    }

    private static RiskTransaction payment(String id, long t, double amount) {
        return new RiskTransaction(id, "u1", "a1", TransactionType.PAYMENT, amount, "USD", t, "m", 51.5, -0.12);
    }
}
