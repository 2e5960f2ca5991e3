package dev.runnel.examples.risk;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cli.Example;
import java.time.Duration;
import java.time.ZoneId;

/**
 * S2, the risk-scoring engine: every transaction gets a {@link RiskAssessment} from its user's
 * history (keyed state) with velocity counts that expire in event time (timers); HIGH and CRITICAL
 * ones also go to an alerts output at once; 1-minute windows summarize all transactions.
 * Transactions dated too far ahead of the rest go to {@link #FUTURE} instead of moving event time;
 * those that arrive after their minute was summarized are still scored, and go to {@link #LATE}.
 */
public final class RiskEngine {
    /** HIGH and CRITICAL assessments, sent as soon as the transaction is scored. */
    public static final OutputTag<RiskAssessment> ALERTS = OutputTag.of("risk-alerts", RiskAssessment.class);

    /** Scored transactions that arrived after their minute's metrics were emitted. */
    public static final OutputTag<ScoredTransaction> LATE = OutputTag.of("late-risk-transactions", ScoredTransaction.class);
    /** Transactions dated more than {@code maxAhead} after the latest one so far: kept out of event time and scoring. */
    public static final OutputTag<RiskTransaction> FUTURE = OutputTag.of("future-risk-transactions", RiskTransaction.class);

    /**
     * @param outOfOrderness how late a transaction may arrive and still count in its minute's metrics
     * @param maxAhead       a transaction dated more than this after the latest one so far goes to {@link #FUTURE}
     */
    public record Config(ZoneId zone, Duration outOfOrderness, Duration maxAhead) {
        public static Config defaults() {
            return new Config(ZoneId.of("UTC"), Duration.ofSeconds(30), Duration.ofDays(7));
        }
    }

    /** What the engine produces; {@code late} holds transactions (scored) that the metrics windows could not count. */
    public record Outputs(DataStream<RiskAssessment> assessments, DataStream<RiskAssessment> alerts, DataStream<RiskMetrics> metrics,
                          DataStream<ScoredTransaction> late) {}

    private RiskEngine() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("risk", args));
    }

    /**
     * Transactions with their event time; watermarks 30 s behind the latest (by default), after every
     * row, so a replayed file gives the same output on every run; far-future rows to {@link #FUTURE}.
     */
    public static DataStream<RiskTransaction> read(StreamEnvironment env, Source<RiskTransaction> source, Config config) {
        return env.fromSource(source,
            WatermarkStrategy.<RiskTransaction>forBoundedOutOfOrderness(config.outOfOrderness())
                .withPerRecordEmission()
                .withTimestampAssigner((tx, ts) -> tx.timestamp())
                .withFutureEventGuard(config.maxAhead(), FUTURE),
            Example.SOURCE_NAME);
    }

    public static Outputs score(DataStream<RiskTransaction> transactions, Config config) {
        DataStream<ScoredTransaction> scored = transactions
            .keyBy(RiskTransaction::userId)
            .process(new RiskScorer(config.zone()))
            .name("risk-scorer");
        DataStream<RiskAssessment> assessments = scored.map(ScoredTransaction::assessment);
        DataStream<RiskMetrics> metrics = RiskMetrics.perMinute(scored, config.zone(), LATE);
        return new Outputs(assessments, scored.getSideOutput(ALERTS), metrics, metrics.getSideOutput(LATE));
    }
}
