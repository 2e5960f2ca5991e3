package dev.runnel.examples.frauddetector;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.common.Times;
import dev.runnel.examples.io.Input;
import java.time.ZoneId;
import java.util.List;

/** {@code fraud}: the CLI wiring of {@link FraudDetector}. */
public final class FraudDetectorCommand implements Example {
    @Override
    public String name() {
        return "fraud";
    }

    @Override
    public String description() {
        return "S1 reference fraud detector: 10 s event-time windows per account, sums above 8000, late rows to a side output";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("transactions.csv");
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.positiveDuration("window", "10s", "tumbling window size"),
            Option.nonNegative("threshold", "AMOUNT", "8000", "a window sum above this is an anomaly"),
            Option.duration("out-of-orderness", "1s", "watermark = largest timestamp seen - this - 1 ms"),
            Option.duration("allowed-lateness", "0s", "late rows within this still update their window"),
            Option.positiveDuration("max-ahead", "7d", "rows dated more than this after the latest row so far go to FUTURE"),
            Option.choice("time", "event", "event time (correct) or processing time (the original recipe)", "event", "processing"),
            Option.positiveDuration("silence", "1h", "no transaction for this long raises SILENT"),
            Option.positive("spike-factor", "K", "3", "an amount more than K standard deviations above the account's mean raises SPIKE"),
            Option.flag("windows", "also print every window sum (WINDOW)"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        FraudDetector.Config d = FraudDetector.Config.defaults();
        FraudDetector.Config config = new FraudDetector.Config(
            args.zone("zone", d.zone()),
            args.duration("window", d.windowSize()),
            args.doubleValue("threshold", d.threshold()),
            args.duration("out-of-orderness", d.outOfOrderness()),
            args.duration("allowed-lateness", d.allowedLateness()),
            args.choice("time", "event").equals("event")
                ? FraudDetector.TimeMode.EVENT : FraudDetector.TimeMode.PROCESSING,
            args.duration("silence", d.silence()),
            args.doubleValue("spike-factor", d.spikeFactor()),
            d.spikeMinHistory(),
            args.duration("max-ahead", d.maxAhead()));
        ZoneId zone = config.zone();

        DataStream<Transaction> transactions = FraudDetector.read(env, input.source(zone, Transaction.COLUMNS, Transaction::parse), config);
        transactions.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        transactions.getSideOutput(FraudDetector.FUTURE).addSink(report.sink("FUTURE", tx -> describe(tx, zone)));

        FraudDetector.Outputs outputs = FraudDetector.detect(transactions, config);
        outputs.anomalies().addSink(report.sink("ANOMALY", a -> a.describe(zone)));
        outputs.late().addSink(report.sink("LATE", tx -> describe(tx, zone)));
        outputs.silent().addSink(report.sink("SILENT", s -> s.describe(zone)));
        outputs.outliers().addSink(report.sink("SPIKE", o -> o.describe(zone)));
        outputs.windowSums().addSink(args.has("windows")
            ? report.sink("WINDOW", w -> w.transactionId() + " window=[" + Times.time(w.windowStart(), zone) + ","
                + Times.time(w.windowEnd(), zone) + ") sum=" + w.sum())
            : report.counter("WINDOW"));
    }

    /** {@code tx1 at 2024-05-11 10:00:04.000 amount=800.0}, for the LATE and FUTURE lines. */
    private static String describe(Transaction tx, ZoneId zone) {
        return tx.transactionId() + " at " + Times.dateTime(tx.timestamp(), zone) + " amount=" + tx.amount();
    }
}
