package dev.runnel.examples.risk;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.io.Input;
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
            new Option("out-of-orderness", "DURATION", "30s", "how far out of order transactions may arrive"),
            new Option("all", null, null, "also print every assessment (ASSESSMENT), not only alerts"),
            new Option("metrics", null, null, "also print the 1-minute metrics (METRICS)"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        RiskEngine.Config config = new RiskEngine.Config(args.zone("zone", ZoneId.of("UTC")),
            args.duration("out-of-orderness", RiskEngine.Config.defaults().outOfOrderness()));
        DataStream<RiskTransaction> transactions = RiskEngine.read(env, input.source(config.zone(), RiskTransaction.COLUMNS, RiskTransaction::parse), config);
        transactions.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        RiskEngine.Outputs outputs = RiskEngine.score(transactions, config);
        outputs.alerts().addSink(report.sink("ALERT"));
        outputs.assessments().addSink(args.has("all") ? report.sink("ASSESSMENT") : report.counter("ASSESSMENT"));
        outputs.metrics().addSink(args.has("metrics") ? report.sink("METRICS") : report.counter("METRICS"));
    }
}
