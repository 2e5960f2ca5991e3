package dev.runnel.examples.frauddetector;

import dev.runnel.api.DataStream;
import dev.runnel.api.KeyedStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cli.Example;
import java.time.Duration;
import java.time.ZoneId;

/**
 * S1, the reference fraud detector: sums each account's amounts in tumbling 10-second windows of
 * event time and flags sums above 8000, printing each anomaly with the watermark at which it was
 * judged. Read this class first; engine-examples/README.md walks through it line by line.
 *
 * <pre>
 * transactions (CSV)                                         timestamps from the rows,
 *   -> watermarks: bounded out-of-orderness (1 s)            watermark = max seen - 1 s - 1 ms
 *      future-event guard (7 days)                           rows dated further ahead -> FUTURE
 *   -> keyBy(transaction id)
 *   -> 10 s tumbling event-time windows, reduce = sum        late rows -> LATE side output
 *   -> ThresholdCheck (sum > 8000)                           anomalies -> ANOMALIES side output
 * and, on the same keyed stream:
 *   -> SilenceDetector (event-time timer: no payment for an hour)
 *   -> SpikeDetector (amount > mean + 3 standard deviations)
 * </pre>
 *
 * The recipe this follows used a processing-time window on event-time data, so its results
 * depended on when rows happened to be read; this detector runs on event time, and
 * {@code --time processing} runs the recipe's way to show the difference.
 */
public final class FraudDetector {
    /** Window sums above the threshold. */
    public static final OutputTag<Anomaly> ANOMALIES = OutputTag.of("anomalies", Anomaly.class);
    /** Rows that arrived after their window was final (watermark past window end + allowed lateness). */
    public static final OutputTag<Transaction> LATE = OutputTag.of("late-transactions", Transaction.class);
    /** Rows dated more than {@code maxAhead} after the latest row so far (a mistyped year, say): kept out of event time. */
    public static final OutputTag<Transaction> FUTURE = OutputTag.of("future-transactions", Transaction.class);

    public enum TimeMode { EVENT, PROCESSING }

    /**
     * @param zone             zone of the local date-times in the input (and in the output)
     * @param windowSize       size of the tumbling windows
     * @param threshold        a window sum above this is an anomaly
     * @param outOfOrderness   how far out of order rows may arrive and still be on time
     * @param allowedLateness  how long after the watermark passed a window a late row still updates it
     * @param silence          no transaction for this long raises a silent-account alert
     * @param spikeFactor      k in "amount more than k standard deviations above the mean"
     * @param spikeMinHistory  transactions an account needs before the spike rule judges it
     * @param maxAhead         in event time, a row dated more than this after the latest row so far goes to {@link #FUTURE}
     */
    public record Config(ZoneId zone, Duration windowSize, double threshold, Duration outOfOrderness, Duration allowedLateness,
                         TimeMode time, Duration silence, double spikeFactor, int spikeMinHistory, Duration maxAhead) {
        public static Config defaults() {
            return new Config(ZoneId.of("UTC"), Duration.ofSeconds(10), 8000, Duration.ofSeconds(1), Duration.ZERO,
                TimeMode.EVENT, Duration.ofHours(1), 3, 20, Duration.ofDays(7));
        }

        public Config withTime(TimeMode mode) {
            return new Config(zone, windowSize, threshold, outOfOrderness, allowedLateness, mode, silence, spikeFactor, spikeMinHistory,
                maxAhead);
        }
    }

    /** Everything the detector produces; {@code late} and {@code silent} are empty in processing time. */
    public record Outputs(DataStream<WindowSum> windowSums, DataStream<Anomaly> anomalies, DataStream<Transaction> late,
                          DataStream<SilentAccount> silent, DataStream<Outlier> outliers) {}

    private FraudDetector() {}

    /** {@code java -cp runnel-examples.jar dev.runnel.examples.frauddetector.FraudDetector [options]}, same as the CLI's {@code fraud}. */
    public static void main(String[] args) {
        Cli.main(Cli.prepend("fraud", args));
    }

    /**
     * The transactions with their event time. In event time the watermark trails the largest
     * timestamp seen by {@code outOfOrderness}, emitted after every row (so a replayed file gives the
     * same output on every run), and rows dated more than {@code maxAhead} after the latest row go to
     * {@link #FUTURE}; in processing time there are no watermarks.
     */
    public static DataStream<Transaction> read(StreamEnvironment env, Source<Transaction> source, Config config) {
        WatermarkStrategy<Transaction> watermarks = config.time() == TimeMode.EVENT
            ? WatermarkStrategy.<Transaction>forBoundedOutOfOrderness(config.outOfOrderness())
                .withPerRecordEmission()
                .withTimestampAssigner((tx, previous) -> tx.timestamp())
                .withFutureEventGuard(config.maxAhead(), FUTURE)
            : WatermarkStrategy.<Transaction>noWatermarks().withTimestampAssigner((tx, previous) -> tx.timestamp());
        return env.fromSource(source, watermarks, Example.SOURCE_NAME);
    }

    /** The detector itself: windows and threshold, plus the silence and spike rules. */
    public static Outputs detect(DataStream<Transaction> transactions, Config config) {
        KeyedStream<Transaction, String> byAccount = transactions.keyBy(Transaction::transactionId);

        DataStream<WindowSum> windowSums = (config.time() == TimeMode.EVENT
                ? byAccount.window(TumblingEventTimeWindows.of(config.windowSize()))
                    .allowedLateness(config.allowedLateness())
                    .sideOutputLateData(LATE)
                : byAccount.window(TumblingProcessingTimeWindows.of(config.windowSize())))
            .reduce(FraudDetector::sum, new SumWithWindow())
            .name("window-sums");
        DataStream<Transaction> late = windowSums.getSideOutput(LATE);

        DataStream<WindowSum> checked = windowSums.process(new ThresholdCheck(config.threshold())).name("threshold");
        DataStream<Anomaly> anomalies = checked.getSideOutput(ANOMALIES);

        DataStream<SilentAccount> silent = byAccount.process(new SilenceDetector(config.silence())).name("silence");
        DataStream<Outlier> outliers = byAccount.process(new SpikeDetector(config.spikeFactor(), config.spikeMinHistory())).name("spikes");
        return new Outputs(checked, anomalies, late, silent, outliers);
    }

    /** The window's reduce: amounts summed; the id and the first (earliest) timestamp kept. */
    static Transaction sum(Transaction a, Transaction b) {
        return new Transaction(a.transactionId(), Math.min(a.timestamp(), b.timestamp()), a.amount() + b.amount());
    }
}
