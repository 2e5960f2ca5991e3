package dev.runnel.examples.risk;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.Source;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.common.ReplayWatermarks;
import java.time.Duration;
import java.time.ZoneId;

/**
 * S2, the risk-scoring engine: every transaction gets a {@link RiskAssessment} from its user's
 * history (keyed state) with velocity counts that expire in event time (timers); HIGH and CRITICAL
 * ones also go to an alerts output at once; 1-minute windows summarize all transactions.
 */
public final class RiskEngine {
    /** HIGH and CRITICAL assessments, sent as soon as the transaction is scored. */
    public static final OutputTag<RiskAssessment> ALERTS = OutputTag.of("risk-alerts", RiskAssessment.class);

    /** @param outOfOrderness how late a transaction may arrive and still count in its minute's metrics */
    public record Config(ZoneId zone, Duration outOfOrderness) {
        public static Config defaults() {
            return new Config(ZoneId.of("UTC"), Duration.ofSeconds(30));
        }
    }

    /** What the engine produces. */
    public record Outputs(DataStream<RiskAssessment> assessments, DataStream<RiskAssessment> alerts, DataStream<RiskMetrics> metrics) {}

    private RiskEngine() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("risk", args));
    }

    /** Transactions with their event time, watermarks 30 s behind the latest (by default). */
    public static DataStream<RiskTransaction> read(StreamEnvironment env, Source<RiskTransaction> source, Config config) {
        return env.fromSource(source,
            ReplayWatermarks.boundedOutOfOrderness(config.outOfOrderness(), (tx, ts) -> tx.timestamp()), Example.SOURCE_NAME);
    }

    public static Outputs score(DataStream<RiskTransaction> transactions, Config config) {
        DataStream<ScoredTransaction> scored = transactions
            .keyBy(RiskTransaction::userId)
            .process(new RiskScorer(config.zone()))
            .name("risk-scorer");
        DataStream<RiskAssessment> assessments = scored.map(ScoredTransaction::assessment);
        return new Outputs(assessments, scored.getSideOutput(ALERTS), RiskMetrics.perMinute(scored, config.zone()));
    }
}
