package dev.runnel.examples.frauddetector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudDetectorTest {
    private static final long TEN = 1_715_421_600_000L; // 2024-05-11 10:00:00 UTC
    private static final long SECOND = 1000;

    @Test
    void bundledFourRowSampleGivesTwoAnomaliesWithTheirWatermark() {
        CliRun run = CliRun.of("fraud", "--quiet");

        assertThat(run.exitCode()).isZero();
        // the second window fires only at the end of the input; the threshold check had last seen
        // the watermark of the fourth row: 10:00:10 - 1 s - 1 ms
        assertThat(run.lines()).containsExactly(
            "ANOMALY tx1 window=[10:00:00,10:00:10) sum=11700.0 watermark=2024-05-11 10:00:08.999",
            "ANOMALY tx1 window=[10:00:10,10:00:20) sum=9000.0 watermark=2024-05-11 10:00:08.999");
        assertThat(run.stderr()).contains("summary: rows=4 dead-letters=0 late=0").contains("ANOMALY=2 WINDOW=2");
    }

    @Test
    void lateRowGoesToTheSideOutputAndTheMalformedRowIsReportedWithItsLine() {
        CliRun run = CliRun.of("fraud", "--quiet", "--input", sample("transactions-late.csv"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("ANOMALY")).containsExactly(
            "ANOMALY tx1 window=[10:00:00,10:00:10) sum=11700.0 watermark=2024-05-11 10:00:08.999",
            "ANOMALY tx1 window=[10:00:10,10:00:20) sum=9500.0 watermark=2024-05-11 10:00:17.999",
            "ANOMALY tx2 window=[10:00:10,10:00:20) sum=8300.0 watermark=2024-05-11 10:00:17.999");
        // 10:00:04 arrives after the watermark reached 10:00:10.999, past the end of [10:00:00,10:00:10)
        assertThat(run.kind("LATE")).containsExactly("LATE tx1 at 2024-05-11 10:00:04.000 amount=800.0");
        assertThat(run.kind("DEAD_LETTER")).singleElement().asString()
            .endsWith("transactions-late.csv:9: column 'amount': 'seven hundred' is not a number [tx2,2024-05-11 10:00:13,seven hundred]");
        assertThat(run.stderr()).contains("summary: rows=9 dead-letters=1 late=1");
    }

    @Test
    void rowDatedIn2099GoesToFutureAndRaisesNoFalseSilentAccount(@TempDir Path dir) throws IOException {
        // the four-row sample with a row of tx1 dated 2099 after the second: without the guard the watermark
        // jumps to 2099, tx1's silence timer fires ("silent for 60 min") and 10:00:09 and 10:00:10 are late
        Path file = dir.resolve("tx.csv");
        Files.write(file, List.of("transaction_id,timestamp,amount", "tx1,2024-05-11 10:00:00,3200", "tx1,2024-05-11 10:00:05,6000",
            "tx1,2099-05-11 10:00:07,100", "tx1,2024-05-11 10:00:09,2500", "tx1,2024-05-11 10:00:10,9000"));

        CliRun run = CliRun.of("fraud", "--quiet", "--input", file.toString());

        assertThat(run.kind("FUTURE")).containsExactly("FUTURE tx1 at 2099-05-11 10:00:07.000 amount=100.0");
        assertThat(run.kind("SILENT")).isEmpty();
        assertThat(run.kind("LATE")).isEmpty();
        assertThat(run.kind("ANOMALY")).containsExactly(
            "ANOMALY tx1 window=[10:00:00,10:00:10) sum=11700.0 watermark=2024-05-11 10:00:08.999",
            "ANOMALY tx1 window=[10:00:10,10:00:20) sum=9000.0 watermark=2024-05-11 10:00:08.999");
        assertThat(run.stderr()).contains("summary: rows=5 dead-letters=0 late=0 future=1");
    }

    @Test
    void allowedLatenessFiresTheWindowAgainWithTheLateRow() {
        CliRun run = CliRun.of("fraud", "--quiet", "--allowed-lateness", "5s", "--input", sample("transactions-late.csv"));

        assertThat(run.kind("LATE")).isEmpty();
        assertThat(run.kind("ANOMALY")).contains(
            "ANOMALY tx1 window=[10:00:00,10:00:10) sum=11700.0 watermark=2024-05-11 10:00:08.999",
            "ANOMALY tx1 window=[10:00:00,10:00:10) sum=12500.0 watermark=2024-05-11 10:00:10.999");
    }

    @Test
    void jsonOutputCarriesTheFieldsOfEachAnomaly() {
        CliRun run = CliRun.of("fraud", "--quiet", "--format", "json");

        assertThat(run.lines()).first().isEqualTo("{\"kind\":\"ANOMALY\",\"transactionId\":\"tx1\",\"windowStart\":" + TEN
            + ",\"windowEnd\":" + (TEN + 10 * SECOND) + ",\"sum\":11700.0,\"watermark\":" + (TEN + 8999) + "}");
    }

    @Test
    void processingTimeWindowsSumWhatArrivesTogetherWhateverItsEventTime() {
        // the recipe's way: rows from two event-time windows arrive in the same 10 s of processing
        // time and are summed together; a row arriving later lands in the next processing window
        ManualClock clock = new ManualClock(0);
        ScriptedSource<Transaction> source = ScriptedSource.<Transaction>create()
            .advanceProcessingTimeTo(1_000).event(tx(TEN, 3200))
            .advanceProcessingTimeTo(2_000).event(tx(TEN + 5 * SECOND, 6000))
            .advanceProcessingTimeTo(3_000).event(tx(TEN + 10 * SECOND, 9000))
            .advanceProcessingTimeTo(12_000).event(tx(TEN + 9 * SECOND, 2500))
            .advanceProcessingTimeTo(25_000);

        StreamEnvironment env = StreamEnvironment.create(clock);
        FraudDetector.Config config = FraudDetector.Config.defaults().withTime(FraudDetector.TimeMode.PROCESSING);
        FraudDetector.Outputs outputs = FraudDetector.detect(FraudDetector.read(env, source, config), config);
        CollectSink<WindowSum> sums = new CollectSink<>();
        CollectSink<Anomaly> anomalies = new CollectSink<>();
        outputs.windowSums().addSink(sums);
        outputs.anomalies().addSink(anomalies);
        env.execute("processing-time");

        assertThat(sums.values()).containsExactly(
            new WindowSum("tx1", 0, 10_000, TEN, 18_200),
            new WindowSum("tx1", 10_000, 20_000, TEN + 9 * SECOND, 2500));
        assertThat(anomalies.values()).containsExactly(new Anomaly("tx1", 0, 10_000, 18_200, Long.MIN_VALUE));
    }

    @Test
    void scriptedWatermarksDecideWhatIsLate() {
        ScriptedSource<Transaction> source = ScriptedSource.<Transaction>create()
            .event(tx(TEN, 3200), TEN)
            .event(tx(TEN + 5 * SECOND, 6000), TEN + 5 * SECOND)
            .watermark(TEN + 10 * SECOND)                      // closes [10:00:00, 10:00:10)
            .event(tx(TEN + 9 * SECOND, 2500), TEN + 9 * SECOND);

        Result result = run(source, FraudDetector.Config.defaults());

        // the window's result reaches the threshold check before the watermark that fired it (as in
        // Flink), so the check has seen no watermark yet
        assertThat(result.anomalies).containsExactly(new Anomaly("tx1", TEN, TEN + 10 * SECOND, 9200, Long.MIN_VALUE));
        assertThat(result.late).containsExactly(tx(TEN + 9 * SECOND, 2500));
        assertThat(result.alerts).containsExactly("threshold HIGH=1");
        assertThat(result.job.operator("window-sums").get(0).numLateRecordsToSideOutput()).isEqualTo(1);
        assertThat(result.job.lateRecordsDropped()).isZero();
    }

    @Test
    void silentAccountIsReportedWhenTheWatermarkPassesAnHourWithoutPayment() {
        long hour = 3_600 * SECOND;
        ScriptedSource<Transaction> source = ScriptedSource.<Transaction>create()
            .event(new Transaction("quiet", TEN, 10), TEN)
            .event(new Transaction("busy", TEN, 10), TEN)
            .event(new Transaction("busy", TEN + 50 * 60 * SECOND, 10), TEN + 50 * 60 * SECOND)
            .watermark(TEN + hour)
            .event(new Transaction("busy", TEN + hour + 60 * SECOND, 10), TEN + hour + 60 * SECOND);

        Result result = run(source, FraudDetector.Config.defaults());

        // "busy" still has a pending timer at the end of input: the end of a file is not silence
        assertThat(result.silent).containsExactly(new SilentAccount("quiet", TEN, Duration.ofHours(1)));
        assertThat(result.alerts).containsExactly("silence LOW=1");
    }

    @Test
    void amountFarAboveTheAccountsMeanIsASpike() {
        ScriptedSource<Transaction> source = ScriptedSource.create();
        for (int i = 0; i < 20; i++) {   // 20 amounts of history: 100, 110, 100, ...
            source.event(new Transaction("a", TEN + i * 60 * SECOND, 100 + (i % 2) * 10), TEN + i * 60 * SECOND);
        }
        source.event(new Transaction("a", TEN + 21 * 60 * SECOND, 130), TEN + 21 * 60 * SECOND);   // z = 4.9: a spike
        source.event(new Transaction("a", TEN + 22 * 60 * SECOND, 110), TEN + 22 * 60 * SECOND);

        Result result = run(source, FraudDetector.Config.defaults());

        assertThat(result.outliers).extracting(Outlier::amount).containsExactly(130.0);
        assertThat(result.alerts).containsExactly("spikes MEDIUM=1");
    }

    /** {@code alerts}: the alerts metric of each detector, as "operator SEVERITY=count" for counts above 0. */
    private record Result(List<Anomaly> anomalies, List<Transaction> late, List<SilentAccount> silent, List<Outlier> outliers,
                          List<String> alerts, dev.runnel.api.JobResult job) {}

    private static Result run(ScriptedSource<Transaction> source, FraudDetector.Config config) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Transaction> txs = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        FraudDetector.Outputs outputs = FraudDetector.detect(txs, config);
        CollectSink<Anomaly> anomalies = new CollectSink<>();
        CollectSink<Transaction> late = new CollectSink<>();
        CollectSink<SilentAccount> silent = new CollectSink<>();
        CollectSink<Outlier> outliers = new CollectSink<>();
        outputs.anomalies().addSink(anomalies);
        outputs.late().addSink(late);
        outputs.silent().addSink(silent);
        outputs.outliers().addSink(outliers);
        dev.runnel.api.JobResult job = env.execute("fraud-test");
        List<String> alerts = new java.util.ArrayList<>();
        for (dev.runnel.runtime.OperatorMetrics op : job.operatorMetrics()) {
            for (dev.runnel.api.metrics.RegisteredMetric m : op.userMetrics()) {
                if (m.name().equals("alerts") && m.value() > 0) {
                    alerts.add(op.operatorName() + " " + m.labels().get("severity") + "=" + m.value().longValue());
                }
            }
        }
        return new Result(anomalies.values(), late.values(), silent.values(), outliers.values(), alerts, job);
    }

    private static Transaction tx(long t, double amount) {
        return new Transaction("tx1", t, amount);
    }

    static String sample(String name) {
        return "src/main/resources/samples/" + name;
    }
}
