package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.Pattern;
import org.junit.jupiter.api.Test;

/** times, timesOrMore, oneOrMore, optional, consecutive, allowCombinations, until (Flink's NFAITCase semantics). */
class QuantifierTest {
    private static Pattern<Event, Event> named(String stage, String name) {
        return Pattern.<Event>begin(stage).where(e -> e.name().equals(name));
    }

    /** Flink docs: "C D A1 A2 A3 D A4 B" against c followedBy a+ followedBy b. */
    private static CepTestSupport.Result cABWithLoop(java.util.function.UnaryOperator<Pattern<Event, Event>> loop) {
        Pattern<Event, Event> middle = named("start", "c").followedBy("middle").where(e -> e.name().equals("a")).oneOrMore();
        Pattern<Event, Event> p = loop.apply(middle).followedBy("end").where(e -> e.name().equals("b"));
        return run(p, inOrder(ev(1, "c", 0), ev(2, "d", 0), ev(3, "a", 0), ev(4, "a", 0), ev(5, "a", 0), ev(6, "d", 0),
            ev(7, "a", 0), ev(8, "b", 0)));
    }

    @Test
    void oneOrMoreWithRelaxedInnerContiguitySkipsUnrelatedEvents() {
        assertThat(cABWithLoop(p -> p).matches()).containsExactlyInAnyOrder(
            "start=[1] middle=[3] end=[8]",
            "start=[1] middle=[3, 4] end=[8]",
            "start=[1] middle=[3, 4, 5] end=[8]",
            "start=[1] middle=[3, 4, 5, 7] end=[8]");
    }

    @Test
    void consecutiveStopsTheLoopAtTheFirstNonMatchingEvent() {
        assertThat(cABWithLoop(Pattern::consecutive).matches()).containsExactlyInAnyOrder(
            "start=[1] middle=[3] end=[8]",
            "start=[1] middle=[3, 4] end=[8]",
            "start=[1] middle=[3, 4, 5] end=[8]");
    }

    @Test
    void allowCombinationsTakesEverySubsequence() {
        assertThat(cABWithLoop(Pattern::allowCombinations).matches()).containsExactlyInAnyOrder(
            "start=[1] middle=[3] end=[8]",
            "start=[1] middle=[3, 4] end=[8]",
            "start=[1] middle=[3, 5] end=[8]",
            "start=[1] middle=[3, 7] end=[8]",
            "start=[1] middle=[3, 4, 5] end=[8]",
            "start=[1] middle=[3, 4, 7] end=[8]",
            "start=[1] middle=[3, 5, 7] end=[8]",
            "start=[1] middle=[3, 4, 5, 7] end=[8]");
    }

    @Test
    void timesTakesExactlyNEventsAndOverlappingMatchesAreAllReported() {
        Pattern<Event, Event> p = named("start", "a").times(3);
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "a", 0), ev(3, "a", 0), ev(4, "a", 0), ev(5, "a", 0), ev(6, "a", 0)))
            .matches()).containsExactly("start=[1, 2, 3]", "start=[2, 3, 4]", "start=[3, 4, 5]", "start=[4, 5, 6]");
    }

    @Test
    void timesRangeReportsEveryCountInTheRange() {
        Pattern<Event, Event> p = named("start", "c").followedBy("middle").where(e -> e.name().equals("a")).times(1, 3)
            .followedBy("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "a", 0), ev(4, "a", 0), ev(5, "a", 0), ev(6, "b", 0)))
            .matches()).containsExactlyInAnyOrder(
                "start=[1] middle=[2] end=[6]",
                "start=[1] middle=[2, 3] end=[6]",
                "start=[1] middle=[2, 3, 4] end=[6]");
    }

    @Test
    void timesOrMoreNeedsAtLeastNEvents() {
        Pattern<Event, Event> p = named("start", "c").followedBy("middle").where(e -> e.name().equals("a")).timesOrMore(2)
            .followedBy("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "d", 0), ev(4, "a", 0), ev(5, "a", 0), ev(6, "b", 0)))
            .matches()).containsExactlyInAnyOrder(
                "start=[1] middle=[2, 4] end=[6]",
                "start=[1] middle=[2, 4, 5] end=[6]");
    }

    @Test
    void nextWithTimesNeedsStrictlyContiguousEventsBetweenStagesButNotInside() {
        // W6's shape: begin type 0, next type 0 times(2)
        Pattern<Event, Event> p = named("first", "a").next("rest").where(e -> e.name().equals("a")).times(2);
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "a", 0), ev(3, "x", 0), ev(4, "a", 0), ev(5, "a", 0), ev(6, "a", 0)))
            .matches()).containsExactlyInAnyOrder(
                "first=[1] rest=[2, 4]",
                "first=[4] rest=[5, 6]");
    }

    @Test
    void optionalStageMayBeSkipped() {
        Pattern<Event, Event> p = named("start", "c").followedBy("middle").where(e -> e.name().equals("a")).optional()
            .followedBy("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "b", 0))).matches())
            .containsExactlyInAnyOrder("start=[1] middle=[2] end=[3]", "start=[1] end=[3]");
    }

    @Test
    void optionalLastStageCompletesWithoutIt() {
        Pattern<Event, Event> p = named("start", "c").followedBy("end").where(e -> e.name().equals("a")).optional();
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0))).matches())
            .containsExactlyInAnyOrder("start=[1]", "start=[1] end=[2]");
    }

    @Test
    void untilEndsTheLoopAndIsNotTaken() {
        // Flink UntilConditionITCase: c a1 a2 (a3, price > 3 stops) b
        Pattern<Event, Event> p = named("start", "c").followedBy("middle").where(e -> e.name().equals("a")).oneOrMore()
            .until(e -> e.price() > 3.0).followedBy("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 1), ev(3, "a", 2), ev(4, "a", 4), ev(5, "b", 0))).matches())
            .containsExactlyInAnyOrder("start=[1] middle=[2] end=[5]", "start=[1] middle=[2, 3] end=[5]");
    }

    @Test
    void untilWithConsecutiveStopsAtTheUntilEventAndAtGaps() {
        Pattern<Event, Event> p = named("start", "c").followedBy("middle").where(e -> e.name().equals("a")).oneOrMore()
            .consecutive().until(e -> e.price() > 3.0).followedBy("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 1), ev(3, "a", 2), ev(4, "a", 4), ev(5, "a", 1), ev(6, "b", 0)))
            .matches()).containsExactlyInAnyOrder("start=[1] middle=[2] end=[6]", "start=[1] middle=[2, 3] end=[6]");
    }

    @Test
    void oneOrMoreAtTheEndEmitsEveryPrefixAsItGrows() {
        // AfterMatchSkipITCase#testNoSkipWithQuantifierAtTheEnd
        Pattern<Event, Event> p = named("start", "a").next("end").where(e -> e.name().equals("b")).oneOrMore();
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(4, "b", 0), ev(5, "b", 0))).matches())
            .containsExactly("start=[1] end=[2]", "start=[1] end=[2, 4]", "start=[1] end=[2, 4, 5]");
    }
}
