package dev.runnel.cep.dynamic;

import static dev.runnel.cep.dynamic.DynamicTestSupport.run;
import static dev.runnel.cep.dynamic.DynamicTestSupport.smallThenBig;
import static dev.runnel.cep.dynamic.DynamicTestSupport.txn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.source.ScriptedSource;
import dev.runnel.cep.dynamic.DynamicTestSupport.Output;
import dev.runnel.cep.dynamic.DynamicTestSupport.Txn;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Rules arriving on the rule stream while events flow, on scripted input with exact outputs. Rule
 * updates carry event timestamps: an update at time t applies to the events from t on, whatever
 * the order in which the two inputs are read.
 */
class DynamicPatternsTest {
    private static final UnaryOperator<DynamicPatternStream<Txn>> DEFAULTS = UnaryOperator.identity();

    @Test
    void aRuleAddedWhileTheJobRunsMatchesFromItsTimeOn() {
        ScriptedSource<Txn> events = ScriptedSource.<Txn>create()
            .event(txn(1, "a", 0.5), 10).event(txn(2, "a", 600), 20) // before the rule: no match
            .event(txn(3, "a", 0.2), 30).event(txn(4, "b", 0.1), 31).event(txn(5, "a", 900), 40).event(txn(6, "b", 700), 41)
            .watermark(100);
        ScriptedSource<Rule> rules = ScriptedSource.<Rule>create().event(Rule.of("small-big", 1, smallThenBig(500)), 25).watermark(100);
        Output out = run(events, rules, DEFAULTS);
        assertThat(out.matches()).containsExactly("small-big v1 small=[3] big=[5] @40", "small-big v1 small=[4] big=[6] @41");
        assertThat(out.errors()).isEmpty();
    }

    /** small@10 opens a partial match of v1; v2 (big means > 100) arrives at 15; big@20 is 600. */
    private static Output changedMidMatch(UnaryOperator<DynamicPatternStream<Txn>> configure) {
        ScriptedSource<Txn> events = ScriptedSource.<Txn>create()
            .event(txn(1, "a", 0.5), 10).event(txn(2, "a", 600), 20)
            .event(txn(3, "a", 0.5), 30).event(txn(4, "a", 200), 40)
            .watermark(100);
        ScriptedSource<Rule> rules = ScriptedSource.<Rule>create()
            .event(Rule.of("r", 1, smallThenBig(500)), 0)
            .event(Rule.of("r", 2, smallThenBig(100)), 15)
            .watermark(100);
        return run(events, rules, configure);
    }

    @Test
    void aRuleChangedBetweenTwoEventsOfOnePartialMatchDropsIt() {
        // DROP (the default): v1's partial match [1] is gone; v2 starts with the events from 15 on
        assertThat(changedMidMatch(DEFAULTS).matches()).containsExactly("r v2 small=[3] big=[4] @40");
    }

    @Test
    void aRuleChangedBetweenTwoEventsOfOnePartialMatchCanLetItFinish() {
        // FINISH: v1's partial match [1] completes with 2 (600 > 500) and is reported as v1; v1 starts
        // nothing after the change (3 does not start a v1 match), v2 matches 3 then 4 (200 > 100)
        assertThat(changedMidMatch(s -> s.onRuleChange(RuleChangePolicy.FINISH)).matches())
            .containsExactly("r v1 small=[1] big=[2] @20", "r v2 small=[3] big=[4] @40");
    }

    private static Output removedMidMatch(UnaryOperator<DynamicPatternStream<Txn>> configure, Rule change) {
        ScriptedSource<Txn> events = ScriptedSource.<Txn>create()
            .event(txn(1, "a", 0.5), 10).event(txn(2, "b", 0.5), 11).event(txn(3, "a", 600), 20)
            .event(txn(4, "a", 0.5), 30).event(txn(5, "a", 600), 40).event(txn(6, "b", 600), 41)
            .event(txn(7, "a", 0.5), 60).event(txn(8, "a", 600), 70)
            .watermark(100);
        ScriptedSource<Rule> rules = ScriptedSource.<Rule>create()
            .event(Rule.of("r", 1, smallThenBig(500)), 0)
            .event(change, 15)
            .event(Rule.of("r", 3, smallThenBig(500)), 50) // back again from 50 on
            .watermark(100);
        return run(events, rules, configure);
    }

    @Test
    void aRuleRemovedWhilePartialMatchesAreOpen() {
        // open partial matches [1] (a) and [2] (b) are dropped; nothing matches until v3 at 50
        assertThat(removedMidMatch(DEFAULTS, Rule.removal("r", 2)).matches()).containsExactly("r v3 small=[7] big=[8] @70");
        // FINISH: both open partial matches complete as v1, nothing new starts before v3
        assertThat(removedMidMatch(s -> s.onRuleChange(RuleChangePolicy.FINISH), Rule.removal("r", 2)).matches())
            .containsExactly("r v1 small=[1] big=[3] @20", "r v1 small=[2] big=[6] @41", "r v3 small=[7] big=[8] @70");
    }

    @Test
    void aDisabledRuleMatchesNothingUntilEnabledAgain() {
        Rule disabled = Rule.of("r", 2, smallThenBig(500)).withEnabled(false);
        Output out = removedMidMatch(DEFAULTS, disabled);
        assertThat(out.matches()).containsExactly("r v3 small=[7] big=[8] @70");
        assertThat(out.errors()).isEmpty();
    }

    @Test
    void invalidRulesGoToTheErrorOutputAndChangeNothing() {
        ScriptedSource<Txn> events = ScriptedSource.<Txn>create()
            .event(txn(1, "a", 0.5), 10).event(txn(2, "a", 600), 20).watermark(100);
        ScriptedSource<Rule> rules = ScriptedSource.<Rule>create()
            .event(Rule.of("r", 1, smallThenBig(500)), 0)
            .event(Rule.of("r", 2, "{\"stages\": [{\"name\": \"x\", \"where\": \"amount > 'ten'\"}]}"), 1)
            .event(Rule.of("r", 3, "{\"stages\": [{\"name\": \"x\", \"where\": \"amout > 10.0\"}]}"), 2)
            .event(Rule.of("r", 4, "{\"stages\": [{\"name\": \"x\", \"where\": \"amount > 10.0\", \"until\": \"true\"}]}"), 3)
            .event(Rule.of("r", 5, "{\"stages\": [{\"name\": \"x\", \"wher\": \"amount > 10.0\"}]}"), 4)
            .event(Rule.of("r", 6, "{\"stages\": [ {\"name\": "), 5)
            .event(Rule.of("r", 7, "{\"stages\": [{\"name\": \"x\", \"where\": \"amount\"}]}"), 6)
            .event(Rule.of("r", 1, smallThenBig(1)), 7)
            .event(Rule.removal("nope", 1), 8)
            .watermark(100);
        Output out = run(events, rules, DEFAULTS);
        assertThat(out.matches()).containsExactly("r v1 small=[1] big=[2] @20");
        // CEL's messages go on with the expression and a caret under the error: first lines here
        assertThat(out.errors()).extracting(e -> e.lines().findFirst().orElseThrow()).containsExactly(
            "RuleError[r v2: pattern.stages[0] 'x'.where: ERROR: <input>:1:8: found no matching overload for '_>_' applied to "
                + "'(double, string)' (candidates: (bool, bool),(int, int),(uint, uint),(double, double),(string, string),"
                + "(bytes, bytes),(google.protobuf.Timestamp, google.protobuf.Timestamp),(google.protobuf.Duration, "
                + "google.protobuf.Duration),(int, uint),(uint, int),(int, double),(double, int),(uint, double),(double, uint))",
            "RuleError[r v3: pattern.stages[0] 'x'.where: ERROR: <input>:1:1: undeclared reference to 'amout' (in container '')",
            "RuleError[r v4: pattern.stages[0]: Stage 'x': until() only applies to a looping stage; call oneOrMore() or "
                + "timesOrMore(n) before until()]",
            "RuleError[r v5: pattern.stages[0]: unknown key \"wher\" (allowed: [allowCombinations, consecutive, contiguity, "
                + "greedy, group, name, oneOrMore, optional, or, times, timesOrMore, until, where, window, within])]",
            "RuleError[r v6: pattern is not valid JSON: Unexpected end-of-input within/between Object entries]",
            "RuleError[r v7: pattern.stages[0] 'x'.where: ERROR: <input>:1:1: expected type 'bool' but found 'double'",
            "RuleError[r v1: version 1 is not above the current version 1; the update was ignored]",
            "RuleError[nope v1: no rule 'nope' to remove]");
        assertThat(out.errors().get(1)).endsWith("\n | amout > 10.0\n | ^]");
    }
}
