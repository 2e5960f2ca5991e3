package dev.runnel.examples.risk;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.io.Input;
import dev.runnel.examples.common.Times;
import java.time.ZoneId;
import java.util.List;

/** {@code risk}: the CLI wiring of {@link RiskEngine}. */
public final class RiskEngineCommand implements Example {
    @Override
    public String name() {
        return "risk";
    }

    @Override
    public String description() {
        return "S2 risk-scoring engine: per-user velocity, location, amount, habit and time factors; HIGH/CRITICAL alerts";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("risk-transactions.csv");
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.duration("out-of-orderness", "30s", "how far out of order transactions may arrive"),
            Option.positiveDuration("max-ahead", "7d", "transactions dated more than this after the latest one so far go to FUTURE"),
            Option.flag("all", "also print every assessment (ASSESSMENT), not only alerts"),
            Option.flag("metrics", "also print the 1-minute metrics (METRICS)"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        RiskEngine.Config d = RiskEngine.Config.defaults();
        RiskEngine.Config config = new RiskEngine.Config(args.zone("zone", d.zone()),
            args.duration("out-of-orderness", d.outOfOrderness()), args.duration("max-ahead", d.maxAhead()));
        // the per-user profile is not Serializable: checkpoints (--checkpoint-dir) need its serializer
        registerProfileSerializer(env);
        DataStream<RiskTransaction> transactions = RiskEngine.read(env, input.source(config.zone(), RiskTransaction.COLUMNS, RiskTransaction::parse), config);
        transactions.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        transactions.getSideOutput(RiskEngine.FUTURE).addSink(report.sink("FUTURE", tx -> describe(tx, config.zone())));
        RiskEngine.Outputs outputs = RiskEngine.score(transactions, config);
        outputs.alerts().addSink(report.sink("ALERT"));
        outputs.late().addSink(report.sink("LATE", scored -> describe(scored.transaction(), config.zone())
            + " level=" + scored.assessment().level()));
        outputs.assessments().addSink(args.has("all") ? report.sink("ASSESSMENT") : report.counter("ASSESSMENT"));
        outputs.metrics().addSink(args.has("metrics") ? report.sink("METRICS") : report.counter("METRICS"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerProfileSerializer(StreamEnvironment env) {
        env.registerTypeSerializer((Class) UserProfileSerializer.TYPE, new UserProfileSerializer());
    }

    /** {@code t05 user=alice at 2024-05-13 10:15:00.000 amount=48.0}, for the LATE and FUTURE lines. */
    private static String describe(RiskTransaction tx, ZoneId zone) {
        return tx.transactionId() + " user=" + tx.userId() + " at " + Times.dateTime(tx.timestamp(), zone) + " amount=" + tx.amount();
    }
}
