package dev.runnel.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.examples.frauddetector.FraudDetector;
import dev.runnel.examples.frauddetector.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** S1, the reference fraud detector, on Flink at parallelism 1 and 4: the same output as on Runnel. */
class FraudDetectorOnFlinkTest {
    private static final long TEN = 1_715_421_600_000L;

    /** Out-of-order rows of 12 accounts, some late, one dated in 2099, large amounts now and then. */
    static List<Transaction> transactions() {
        Random random = new Random(42);
        List<Transaction> rows = new java.util.ArrayList<>();
        long t = TEN;
        for (int i = 0; i < 1500; i++) {
            t += random.nextInt(900);
            long ts = random.nextInt(20) == 0 ? t - 5_000 - random.nextInt(20_000) : t - random.nextInt(800);
            double amount = random.nextInt(30) == 0 ? 7000 + random.nextInt(3000) : 50 + random.nextInt(900);
            rows.add(new Transaction("acct" + random.nextInt(12), ts, amount));
            if (i == 700) {
                rows.add(new Transaction("acct3", TEN + 75L * 365 * 24 * 3600 * 1000, 100));
            }
        }
        t += 2 * 3600 * 1000L; // a long gap: every account falls silent
        rows.add(new Transaction("acct1", t, 10));
        return rows;
    }

    static Map<String, CollectSink<?>> job(dev.runnel.api.StreamEnvironment env) {
        ScriptedSource<Transaction> source = ScriptedSource.create();
        transactions().forEach(source::event);
        FraudDetector.Config config = FraudDetector.Config.defaults();
        DataStream<Transaction> txs = FraudDetector.read(env, source, config);
        FraudDetector.Outputs outputs = FraudDetector.detect(txs, config);
        Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
        sinks.put("sums", collect(outputs.windowSums()));
        sinks.put("anomalies", collect(outputs.anomalies()));
        sinks.put("late", collect(outputs.late()));
        sinks.put("silent", collect(outputs.silent()));
        sinks.put("outliers", collect(outputs.outliers()));
        sinks.put("future", collect(txs.getSideOutput(FraudDetector.FUTURE)));
        return sinks;
    }

    private static <T> CollectSink<T> collect(DataStream<T> stream) {
        CollectSink<T> sink = new CollectSink<>();
        stream.addSink(sink);
        return sink;
    }

    @Test
    void sameOutputAsRunnelAtParallelismOneAndFour() throws Exception {
        Map<String, List<String>> runnel = BothEngines.onRunnel(FraudDetectorOnFlinkTest::job, 1);
        assertThat(runnel.get("anomalies")).isNotEmpty();
        assertThat(runnel.get("late")).isNotEmpty();
        assertThat(runnel.get("silent")).isNotEmpty();
        assertThat(runnel.get("future")).hasSize(1);

        assertThat(BothEngines.onFlink(FraudDetectorOnFlinkTest::job, 1)).isEqualTo(runnel);
        assertThat(BothEngines.onFlink(FraudDetectorOnFlinkTest::job, 4)).isEqualTo(runnel);
    }
}
