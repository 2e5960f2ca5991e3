package dev.runnel.cep.dynamic;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CEP;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/** Events, rule texts and a runner shared by the dynamic-pattern tests. */
final class DynamicTestSupport {
    private DynamicTestSupport() {}

    /** A card transaction; printed as its id. */
    record Txn(int id, String account, String kind, double amount) implements Serializable {
        @Override
        public String toString() {
            return Integer.toString(id);
        }
    }

    static Txn txn(int id, String account, double amount) {
        return new Txn(id, account, "card", amount);
    }

    /** A small amount followed by a big one (above {@code threshold}) on the same account within 10 minutes. */
    static String smallThenBig(double threshold) {
        return """
            {"stages": [
               {"name": "small", "where": "amount < 1.0"},
               {"name": "big", "contiguity": "followedBy", "where": "amount > %s"}],
             "within": "PT10M"}""".formatted(threshold);
    }

    /** "rule vN stage=[ids] ... @ts". */
    static String format(DynamicMatch<?> m, long timestamp) {
        StringJoiner j = new StringJoiner(" ");
        j.add(m.ruleId() + " v" + m.version());
        for (Map.Entry<String, ? extends List<?>> e : m.events().entrySet()) {
            j.add(e.getKey() + "=" + e.getValue());
        }
        return j + " @" + timestamp;
    }

    record Output(List<String> matches, List<String> errors) {}

    /** Runs the scripted events (keyed by account) against the scripted rules at parallelism 1. */
    static Output run(ScriptedSource<Txn> events, ScriptedSource<Rule> rules, UnaryOperator<DynamicPatternStream<Txn>> configure) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Txn> in = env.fromSource(events, WatermarkStrategy.noWatermarks(), "events");
        DataStream<Rule> ruleStream = env.fromSource(rules, WatermarkStrategy.noWatermarks(), "rules");
        DataStream<DynamicMatch<Txn>> matches = configure.apply(CEP.dynamicPatterns(in.keyBy(Txn::account), ruleStream, Txn.class))
            .matches();
        CollectSink<String> out = new CollectSink<>();
        CollectSink<String> errors = new CollectSink<>();
        matches.process(new dev.runnel.api.functions.ProcessFunction<DynamicMatch<Txn>, String>() {
            @Override
            public void processElement(DynamicMatch<Txn> m, Context ctx, dev.runnel.api.functions.Collector<String> o) {
                o.collect(format(m, ctx.timestamp()));
            }
        }).addSink(out);
        matches.getSideOutput(DynamicPatternStream.RULE_ERRORS).map(RuleError::toString).addSink(errors);
        env.execute("dynamic-cep-test");
        return new Output(out.values(), errors.values());
    }
}
