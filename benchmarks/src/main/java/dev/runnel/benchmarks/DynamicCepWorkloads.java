package dev.runnel.benchmarks;

import dev.runnel.api.DataStream;
import dev.runnel.cep.CEP;
import dev.runnel.cep.dynamic.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * W5R, W6R: W5 and W6 written as JSON rules and run through {@code CEP.dynamicPatterns} (conditions
 * in CEL instead of Java), to compare with the static W5, W6. W6R100: 100 rules active at once on
 * W6's input (W6's shape for each event type, with ten runs lengths and windows).
 */
public final class DynamicCepWorkloads {
    private DynamicCepWorkloads() {}

    static final String W5_RULE = """
        {"stages": [{"name": "a", "where": "type == 0"},
                    {"name": "b", "contiguity": "followedBy", "where": "type == 1"}],
         "within": "PT10S"}""";
    static final String W6_RULE = """
        {"stages": [{"name": "first", "where": "type == 0"},
                    {"name": "rest", "contiguity": "next", "where": "type == 0", "times": 4}],
         "within": "PT5M"}""";

    private static long run(String name, long n, long seed, List<Rule> rules) {
        return EngineWorkloads.run(name, n, seed, 1, events -> {
            DataStream<Rule> ruleStream = events.environment().fromElements(rules.toArray(new Rule[0]));
            return CEP.dynamicPatterns(events.keyBy(e -> e.key % 10_000), ruleStream, Event.class).matches();
        });
    }

    public static long w5r(long n, long seed) {
        return run("W5R", n, seed, List.of(Rule.of("w5", 1, W5_RULE)));
    }

    public static long w6r(long n, long seed) {
        return run("W6R", n, seed, List.of(Rule.of("w6", 1, W6_RULE)));
    }

    /** Rule i: type i % 10, then {@code 2 + i / 10 % 4} more of that type, within {@code 1 + i / 40} minutes. */
    static List<Rule> hundredRules() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String json = W6_RULE.replace("type == 0", "type == " + (i % 10))
                .replace("\"times\": 4", "\"times\": " + (2 + i / 10 % 4))
                .replace("PT5M", "PT" + (1 + i / 40) + "M");
            rules.add(Rule.of("r" + i, 1, json));
        }
        return rules;
    }

    public static long w6r100(long n, long seed) {
        return run("W6R100", n, seed, hundredRules());
    }
}
