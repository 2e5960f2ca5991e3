package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.cep.CepTestSupport.Result;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.MalformedPatternException;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import java.io.Serializable;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Cases where Runnel's CEP once differed from Flink 1.20. Each expected output was recorded by
 * running the same pattern and script on Flink 1.20.0 (keyed, event time, parallelism 1).
 */
class FlinkRecordedBehaviourTest {

    /** A named event; printed as its timestamp, which is also its id. */
    record Ev(String name, long ts, int price) implements Serializable {
        @Override
        public String toString() {
            return Long.toString(ts);
        }
    }

    /** "a@1", "b@4p2" (price 2), "W20" (a watermark); a watermark follows every event, as in the recordings. */
    static ScriptedSource<Ev> script(String... steps) {
        ScriptedSource<Ev> s = ScriptedSource.create();
        for (String step : steps) {
            if (step.startsWith("W")) {
                s.watermark(Long.parseLong(step.substring(1)));
                continue;
            }
            String name = step.substring(0, step.indexOf('@'));
            String rest = step.substring(step.indexOf('@') + 1);
            int p = rest.indexOf('p');
            long ts = Long.parseLong(p < 0 ? rest : rest.substring(0, p));
            s.event(new Ev(name, ts, p < 0 ? 0 : Integer.parseInt(rest.substring(p + 1))), ts).watermark(ts);
        }
        return s;
    }

    static Pattern<Ev, Ev> begin(String stage) {
        return Pattern.<Ev>begin(stage).where(e -> e.name().equals(stage));
    }

    static Result runTimed(Pattern<Ev, ?> pattern, String... steps) {
        return run(pattern, script(steps), UnaryOperator.identity(), true);
    }

    // ---- optional head of a group

    @Test
    void optionalFirstStageInsideAGroupMaySkip() {
        Pattern<Ev, ?> p = begin("a")
            .followedBy(begin("b").optional().followedBy("c").where(e -> e.name().equals("c")))
            .followedBy("d").where(e -> e.name().equals("d"));
        assertThat(runTimed(p, "a@1", "c@2", "d@3").matches()).containsExactly("a=[1] c=[2] d=[3] @3");
    }

    @Test
    void optionalFirstStageInsideAGroupStillTakesItsEvent() {
        Pattern<Ev, ?> p = begin("a")
            .followedBy(begin("b").optional().followedBy("c").where(e -> e.name().equals("c")))
            .followedBy("d").where(e -> e.name().equals("d"));
        assertThat(runTimed(p, "a@1", "b@2", "c@3", "d@4").matches())
            .containsExactlyInAnyOrder("a=[1] b=[2] c=[3] d=[4] @4", "a=[1] c=[3] d=[4] @4");
    }

    // ---- greedy before optional

    @Test
    void optionalStageAfterAGreedyLoopIsRejected() {
        assertThatThrownBy(() -> begin("a").oneOrMore().greedy().followedBy("b").optional())
            .isInstanceOf(MalformedPatternException.class)
            .hasMessageContaining("Optional pattern cannot be preceded by greedy pattern");
    }

    // ---- until on a looping group

    @Test
    void untilStopsALoopingGroup() {
        Pattern<Ev, ?> p = begin("s")
            .followedBy(begin("a").next("b").where(e -> e.name().equals("b"))).oneOrMore().until(e -> e.name().equals("x"))
            .followedBy("e").where(e -> e.name().equals("e"));
        assertThat(runTimed(p, "s@1", "a@2", "b@3", "a@4", "b@5", "x@6", "a@7", "b@8", "e@9", "W20").matches())
            .containsExactlyInAnyOrder("s=[1] a=[2, 4] b=[3, 5] e=[9] @9", "s=[1] a=[2] b=[3] e=[9] @9");
    }

    // ---- timeouts under a skip strategy

    /** b's price equals the price of the first a. */
    static final class SamePriceAsA implements IterativeCondition<Ev> {
        @Override
        public boolean filter(Ev e, Context<Ev> ctx) throws Exception {
            if (!e.name().equals("b")) {
                return false;
            }
            for (Ev a : ctx.getEventsForPattern("a")) {
                return a.price() == e.price();
            }
            return false;
        }
    }

    @Test
    void timeoutsHeldBehindASkippedMatchAreAllReported() {
        Pattern<Ev, ?> p = Pattern.<Ev>begin("a", AfterMatchSkipStrategy.skipPastLastEvent()).where(e -> e.name().equals("a"))
            .followedBy("b").where(new SamePriceAsA()).within(Duration.ofMillis(10));
        Result r = runTimed(p, "a@1p1", "a@2p2", "a@3p3", "b@4p2", "W20");
        assertThat(r.timeouts()).containsExactly("a=[1] @11", "a=[3] @13");
        // Flink stamps the held-back match with the watermark that released it (@20); Runnel keeps the
        // time it completed (docs/semantics.md, "Where Runnel differs from Flink")
        assertThat(r.matches()).containsExactly("a=[2] b=[4] @4");
    }

    // ---- windowed quantifiers (Flink 1.19+)

    @Test
    void timesWithWindowChecksTheGapsFlinkChecks() {
        // Flink applies the window to every state of the stage but the one waiting for the last event
        Pattern<Ev, ?> three = begin("a").times(3, Duration.ofMillis(10));
        Result gaps5and15 = runTimed(three, "a@0", "a@5", "a@20", "W30");
        assertThat(gaps5and15.matches()).containsExactly("a=[0, 5, 20] @20");
        assertThat(gaps5and15.timeouts()).containsExactly("a=[5] @15", "a=[20] @30");

        Result gaps15and5 = runTimed(three, "a@0", "a@15", "a@20", "W30");
        assertThat(gaps15and5.matches()).isEmpty();
        assertThat(gaps15and5.timeouts()).containsExactly("a=[0] @10", "a=[20] @30");

        Result gaps5and5 = runTimed(three, "a@0", "a@5", "a@10", "W30");
        assertThat(gaps5and5.matches()).containsExactly("a=[0, 5, 10] @10");
        assertThat(gaps5and5.timeouts()).containsExactly("a=[10] @20");

        assertThat(runTimed(begin("a").times(2, Duration.ofMillis(10)), "a@0", "a@15", "W30").matches())
            .containsExactly("a=[0, 15] @15");
        assertThat(runTimed(three, "a@0", "a@5", "W100").timeouts()).containsExactly("a=[5] @15");
    }

    @Test
    void timesWithWindowAfterAnotherStageTimesOutFromThatStagesEvent() {
        Pattern<Ev, ?> p = begin("x").followedBy("a").where(e -> e.name().equals("a")).times(2, Duration.ofMillis(10));
        Result late = runTimed(p, "x@0", "a@20", "a@25", "W40");
        assertThat(late.matches()).isEmpty();
        assertThat(late.timeouts()).containsExactly("x=[0] @10");
        assertThat(runTimed(p, "x@0", "a@5", "a@25", "W40").matches()).containsExactly("x=[0] a=[5, 25] @25");
    }

    @Test
    void oneOrMoreWithWindowAsFirstStageLoopsWithoutABound() {
        Pattern<Ev, ?> p = begin("a").oneOrMore(Duration.ofMillis(10)).followedBy("b").where(e -> e.name().equals("b"));
        assertThat(runTimed(p, "a@0", "a@5", "a@20", "b@22", "W40").matches()).containsExactlyInAnyOrder(
            "a=[0, 5, 20] b=[22] @22", "a=[0, 5] b=[22] @22", "a=[0] b=[22] @22",
            "a=[5, 20] b=[22] @22", "a=[5] b=[22] @22", "a=[20] b=[22] @22");
        assertThat(runTimed(p, "a@0", "b@30", "W40").matches()).containsExactly("a=[0] b=[30] @30");
    }

    @Test
    void timesOrMoreWithWindowBoundsTheGapToTheNthEvent() {
        Pattern<Ev, ?> p = begin("a").timesOrMore(2, Duration.ofMillis(10)).followedBy("b").where(e -> e.name().equals("b"));
        Result r = runTimed(p, "a@0", "a@5", "a@20", "a@22", "b@24", "W40");
        assertThat(r.matches()).containsExactlyInAnyOrder("a=[0, 5, 20, 22] b=[24] @24", "a=[0, 5, 20] b=[24] @24",
            "a=[0, 5] b=[24] @24", "a=[20, 22] b=[24] @24");
        assertThat(r.timeouts()).containsExactly("a=[5] @15", "a=[22] @32");
    }

    @Test
    void timesRangeWithWindow() {
        Pattern<Ev, ?> p = begin("a").times(1, 3, Duration.ofMillis(10)).followedBy("b").where(e -> e.name().equals("b"));
        Result r = runTimed(p, "a@0", "a@5", "a@20", "b@22", "W40");
        assertThat(r.matches()).containsExactlyInAnyOrder("a=[0, 5, 20] b=[22] @22", "a=[0, 5] b=[22] @22",
            "a=[0] b=[22] @22", "a=[20] b=[22] @22");
        assertThat(r.timeouts()).containsExactly("a=[5] @15");
    }

    @Test
    void windowsBetweenEventsMustBePositive() {
        assertThatThrownBy(() -> begin("a").times(2, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> begin("a").oneOrMore(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> begin("a").times(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- records without a timestamp in event time

    @Test
    void eventTimeRecordsWithoutTimestampAreLateNotFatal() {
        StreamEnvironment env = StreamEnvironment.create();
        Result r = CepTestSupport.runOn(e -> e.fromElements(new Ev("a", 1, 0), new Ev("a", 2, 0)), begin("a"),
            UnaryOperator.identity(), false, env);
        assertThat(r.matches()).isEmpty();
        assertThat(r.late()).containsExactly("1", "2");
    }
}
