package dev.runnel.examples;

import dev.runnel.examples.alerts.AlertRoutingCommand;
import dev.runnel.examples.cepfraud.CepFraudCommand;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.frauddetector.FraudDetectorCommand;
import dev.runnel.examples.funnels.ShoppingFunnelsCommand;
import dev.runnel.examples.logs.LogAnalysisCommand;
import dev.runnel.examples.risk.RiskEngineCommand;
import java.util.List;

/** Every example the CLI can run, in the order of docs/scenarios.md (S1 to S6). */
final class Examples {
    private static final List<Example> ALL = List.of(
        new FraudDetectorCommand(),
        new RiskEngineCommand(),
        new CepFraudCommand(),
        new dev.runnel.examples.rulefraud.RuleFraudCommand(),
        new ShoppingFunnelsCommand(),
        new LogAnalysisCommand(),
        new AlertRoutingCommand());

    private Examples() {}

    static List<Example> all() {
        return ALL;
    }

    static Example find(String name) {
        for (Example e : ALL) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<String> names() {
        return ALL.stream().map(Example::name).toList();
    }
}
