package dev.runnel.cep.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CEP;
import dev.runnel.cep.dynamic.DynamicTestSupport.Txn;
import dev.runnel.cep.functions.PatternProcessFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Rules applied before the first event give exactly the matches of the same JSON patterns compiled
 * statically with {@code CEP.pattern}, over random keyed event sequences with equal timestamps and
 * watermarks in between: per rule the same matches, and per key in the same order. (Across keys the
 * order within one watermark may differ: the static operator drops events that cannot matter before
 * buffering them, which moves some timeout-driven emissions from the key's next event to the
 * watermark; the dynamic one cannot, since a later rule could need them.) Several pattern shapes
 * run at once as separate rules of one dynamic job.
 */
class DynamicEqualsStaticPropertyTest {
    /** Pattern shapes by rule id: contiguity, quantifiers, groups, negation, iterative conditions, skips, within types. */
    static final Map<String, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("strict-times", """
            {"stages": [{"name": "a", "where": "amount < 20.0"},
                        {"name": "b", "contiguity": "next", "where": "amount >= 50.0", "times": 2}], "within": 40}""");
        SHAPES.put("any-until", """
            {"stages": [{"name": "a", "where": "kind == 'x'"},
                        {"name": "b", "contiguity": "followedByAny", "where": "amount > 30.0", "oneOrMore": true,
                         "until": "kind == 'z'"},
                        {"name": "c", "where": "kind == 'y'"}],
             "within": "PT0.03S", "skip": "skipPastLastEvent"}""");
        SHAPES.put("not-followed", """
            {"stages": [{"name": "a", "where": "amount > 80.0"},
                        {"name": "n", "contiguity": "notFollowedBy", "where": "kind == 'z'"}], "within": 15}""");
        SHAPES.put("group-times", """
            {"stages": [{"group": {"stages": [{"name": "g1", "where": "kind == 'x'"},
                                              {"name": "g2", "contiguity": "next", "where": "kind == 'y'"}]},
                         "times": [1, 2]},
                        {"name": "c", "where": "amount > 60.0", "optional": true},
                        {"name": "d", "where": "kind == 'z'"}], "within": 30}""");
        SHAPES.put("iterative-avg", """
            {"stages": [{"name": "a", "where": "amount < 50.0", "timesOrMore": 2, "consecutive": true},
                        {"name": "b", "contiguity": "next", "where": "amount > 2.0 * avg(stages.a.map(e, e.amount))"}],
             "within": 25}""");
        SHAPES.put("greedy-skip-first", """
            {"stages": [{"name": "a", "where": "kind != 'z'", "times": [2, 3], "greedy": true},
                        {"name": "b", "where": "kind == 'z' && size(stages.a) >= 2"}],
             "within": {"duration": 20, "type": "FIRST_AND_LAST"}, "skip": {"strategy": "skipToFirst", "stage": "a"}}""");
        SHAPES.put("previous-current", """
            {"stages": [{"name": "a", "where": "kind == 'y'"},
                        {"name": "b", "contiguity": "followedBy", "where": "amount > 40.0", "allowCombinations": true,
                         "times": 2},
                        {"name": "c", "where": "amount < 10.0", "within": {"duration": 6, "type": "PREVIOUS_AND_CURRENT"}}]}""");
    }

    private static ScriptedSource<Txn> script(long seed) {
        Random r = new Random(seed);
        ScriptedSource<Txn> s = ScriptedSource.create();
        long ts = 1;
        String[] accounts = {"a", "b", "c"};
        String[] kinds = {"x", "y", "z"};
        for (int i = 0; i < 80; i++) {
            ts += r.nextInt(4); // equal timestamps too
            s.event(new Txn(i, accounts[r.nextInt(accounts.length)], kinds[r.nextInt(kinds.length)], r.nextInt(100)), ts);
            if (r.nextInt(6) == 0) {
                s.watermark(ts - 1); // never ahead of a later event
            }
        }
        return s;
    }

    /** "account: stage=[ids] ... @ts". */
    private static String format(Map<String, ? extends List<?>> match, long timestamp) {
        StringJoiner j = new StringJoiner(" ", ((Txn) match.values().iterator().next().get(0)).account() + ": ", "");
        match.forEach((stage, events) -> j.add(stage + "=" + events));
        return j + " @" + timestamp;
    }

    private static List<String> staticMatches(String json, long seed) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Txn> events = env.fromSource(script(seed), WatermarkStrategy.noWatermarks(), "events");
        CollectSink<String> out = new CollectSink<>();
        CEP.pattern(events.keyBy(Txn::account), RulePatterns.forEvents(Txn.class).parse(json))
            .process(new PatternProcessFunction<Txn, String>() {
                @Override
                public void processMatch(Map<String, List<Txn>> match, Context ctx, Collector<String> o) {
                    o.collect(format(match, ctx.timestamp()));
                }
            }).addSink(out);
        env.execute("static");
        return out.values();
    }

    private static Map<String, List<String>> dynamicMatches(long seed) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Txn> events = env.fromSource(script(seed), WatermarkStrategy.noWatermarks(), "events");
        ScriptedSource<Rule> ruleScript = ScriptedSource.create();
        SHAPES.forEach((id, json) -> ruleScript.event(Rule.of(id, 1, json), 0));
        DataStream<Rule> rules = env.fromSource(ruleScript, WatermarkStrategy.noWatermarks(), "rules");
        CollectSink<String> out = new CollectSink<>();
        DataStream<DynamicMatch<Txn>> matches = CEP.dynamicPatterns(events.keyBy(Txn::account), rules, Txn.class).matches();
        matches.process(new ProcessFunction<DynamicMatch<Txn>, String>() {
            @Override
            public void processElement(DynamicMatch<Txn> m, Context ctx, Collector<String> o) {
                o.collect(m.ruleId() + "|" + format(m.events(), ctx.timestamp()));
            }
        }).addSink(out);
        CollectSink<RuleError> errors = new CollectSink<>();
        matches.getSideOutput(DynamicPatternStream.RULE_ERRORS).addSink(errors);
        env.execute("dynamic");
        assertThat(errors.values()).isEmpty();
        Map<String, List<String>> byRule = new LinkedHashMap<>();
        SHAPES.keySet().forEach(id -> byRule.put(id, new ArrayList<>()));
        for (String line : out.values()) {
            int bar = line.indexOf('|');
            byRule.get(line.substring(0, bar)).add(line.substring(bar + 1));
        }
        return byRule;
    }

    @Test
    void dynamicRulesMatchExactlyAsTheSamePatternsCompiledStatically() {
        Map<String, Integer> total = new LinkedHashMap<>();
        for (long seed = 1; seed <= 25; seed++) {
            Map<String, List<String>> dynamic = dynamicMatches(seed);
            for (Map.Entry<String, String> shape : SHAPES.entrySet()) {
                List<String> expected = staticMatches(shape.getValue(), seed);
                List<String> got = dynamic.get(shape.getKey());
                for (String account : List.of("a", "b", "c")) {
                    assertThat(got.stream().filter(l -> l.startsWith(account + ":")))
                        .as("rule %s, seed %d, account %s", shape.getKey(), seed, account)
                        .containsExactlyElementsOf(expected.stream().filter(l -> l.startsWith(account + ":")).toList());
                }
                assertThat(got).hasSameSizeAs(expected);
                total.merge(shape.getKey(), expected.size(), Integer::sum);
            }
        }
        // every shape matched something over the seeds, so no comparison was of two empty lists only
        assertThat(total.values()).as("matches per shape %s", total).allMatch(n -> n > 0);
    }
}
