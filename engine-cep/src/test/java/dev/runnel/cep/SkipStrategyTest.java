package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.MalformedPatternException;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** After-match skip strategies (Flink's AfterMatchSkipITCase inputs and expected matches). */
class SkipStrategyTest {
    private static Event a(int id) {
        return ev(id, "a", 0);
    }

    private static Event ab(int id) {
        return ev(id, "ab", 0);
    }

    private static Pattern<Event, Event> threeAs(AfterMatchSkipStrategy skip) {
        return Pattern.<Event>begin("start", skip).where(e -> e.name().equals("a")).times(3);
    }

    @Test
    void noSkipReportsOverlappingMatches() {
        assertThat(run(threeAs(AfterMatchSkipStrategy.noSkip()), inOrder(a(1), a(2), a(3), a(4), a(5), a(6))).matches())
            .containsExactly("start=[1, 2, 3]", "start=[2, 3, 4]", "start=[3, 4, 5]", "start=[4, 5, 6]");
    }

    @Test
    void skipPastLastEventReportsDisjointMatches() {
        assertThat(run(threeAs(AfterMatchSkipStrategy.skipPastLastEvent()), inOrder(a(1), a(2), a(3), a(4), a(5), a(6))).matches())
            .containsExactly("start=[1, 2, 3]", "start=[4, 5, 6]");
    }

    @Test
    void skipToNextDropsOtherMatchesStartingWithTheSameEvent() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start", AfterMatchSkipStrategy.skipToNext()).where(e -> e.name().equals("a"))
            .followedByAny("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(4, "a", 0), ev(5, "b", 0))).matches())
            .containsExactly("start=[1] end=[2]", "start=[4] end=[5]");
        Pattern<Event, Event> noSkip = Pattern.<Event>begin("start").where(e -> e.name().equals("a"))
            .followedByAny("end").where(e -> e.name().equals("b"));
        assertThat(run(noSkip, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(4, "a", 0), ev(5, "b", 0))).matches())
            .containsExactlyInAnyOrder("start=[1] end=[2]", "start=[1] end=[5]", "start=[4] end=[5]");
    }

    @Test
    void skipToNextWithQuantifierAtTheEndKeepsOnlyTheFirstMatch() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start", AfterMatchSkipStrategy.skipToNext()).where(e -> e.name().equals("a"))
            .next("end").where(e -> e.name().equals("b")).oneOrMore();
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(4, "b", 0), ev(5, "b", 0))).matches())
            .containsExactly("start=[1] end=[2]");
    }

    private static Pattern<Event, Event> abab(AfterMatchSkipStrategy skip) {
        return Pattern.<Event>begin("start", skip).where(e -> e.name().contains("a")).times(2)
            .next("end").where(e -> e.name().contains("b")).times(2);
    }

    @Test
    void skipToFirstRestartsAtTheFirstEventOfTheNamedStage() {
        assertThat(run(abab(AfterMatchSkipStrategy.skipToFirst("end")), inOrder(ab(1), ab(2), ab(3), ab(4), ab(5), ab(6))).matches())
            .containsExactly("start=[1, 2] end=[3, 4]", "start=[3, 4] end=[5, 6]");
    }

    @Test
    void skipToLastRestartsAtTheLastEventOfTheNamedStage() {
        assertThat(run(abab(AfterMatchSkipStrategy.skipToLast("end")), inOrder(ab(1), ab(2), ab(3), ab(4), ab(5), ab(6), ab(7)))
            .matches()).containsExactly("start=[1, 2] end=[3, 4]", "start=[4, 5] end=[6, 7]");
    }

    @Test
    void skipToFirstOfAMissingOptionalStageDoesNotPruneUnlessAskedToFail() {
        java.util.function.Function<Duration, Pattern<Event, Event>> pattern = within -> {
            Pattern<Event, Event> p = Pattern.<Event>begin("start", AfterMatchSkipStrategy.skipToFirst("middle"))
                .where(e -> e.name().equals("a")).followedBy("middle").where(e -> e.name().equals("x")).optional()
                .followedBy("end").where(e -> e.name().equals("b"));
            return within == null ? p : p.within(within);
        };
        // a1's partial match keeps waiting (optional middle, relaxed end), so the later match "a2 b" is held back
        // while it is open: skip strategies emit matches in start order. With a window it expires and "a2 b" follows,
        // stamped with the event that completed it.
        assertThat(run(pattern.apply(Duration.ofMillis(100)), inOrder(ev(1, "a", 0), ev(2, "a", 0), ev(3, "b", 0)),
            UnaryOperator.identity(), true).matches()).containsExactly("start=[1] end=[3] @3", "start=[2] end=[3] @3");
        assertThat(run(pattern.apply(null), inOrder(ev(1, "a", 0), ev(2, "a", 0), ev(3, "b", 0))).matches())
            .containsExactly("start=[1] end=[3]");

        Pattern<Event, Event> failing = Pattern.<Event>begin("start",
                AfterMatchSkipStrategy.skipToFirst("middle").throwExceptionOnMiss())
            .where(e -> e.name().equals("a")).followedBy("middle").where(e -> e.name().equals("x")).optional()
            .followedBy("end").where(e -> e.name().equals("b"));
        assertThatThrownBy(() -> run(failing, inOrder(ev(1, "a", 0), ev(3, "b", 0))))
            .isInstanceOf(JobExecutionException.class)
            .hasStackTraceContaining("Could not skip to first event of stage 'middle'");
    }

    @Test
    void skipToFirstOfTheFirstStageFailsWhenAskedToBecauseItWouldLoop() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start", AfterMatchSkipStrategy.skipToFirst("start").throwExceptionOnMiss())
            .where(e -> e.name().equals("a")).followedBy("end").where(e -> e.name().equals("b"));
        assertThatThrownBy(() -> run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0))))
            .hasStackTraceContaining("Could not skip to the first event of a match");
    }

    @Test
    void unknownSkipTargetFailsWhenThePatternIsCompiled() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start", AfterMatchSkipStrategy.skipToLast("nope"))
            .where(e -> e.name().equals("a")).followedBy("end");
        assertThatThrownBy(() -> CEP.pattern(dev.runnel.api.StreamEnvironment.create().fromElements(ev(1, "a", 0)), p))
            .isInstanceOf(MalformedPatternException.class)
            .hasMessageContaining("'nope'").hasMessageContaining("[start, end]");
    }

    @Test
    void skipPastLastWithFollowedByAnyWaitsForEarlierPartialMatchesBeforeEmitting() {
        // a1 a2 b1: with followedByAny both a's pair with b1; skipPastLast keeps only the earliest
        Pattern<Event, Event> p = Pattern.<Event>begin("a", AfterMatchSkipStrategy.skipPastLastEvent()).where(e -> e.name().equals("a"))
            .followedByAny("b").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "a", 0), ev(3, "b", 0), ev(4, "a", 0), ev(5, "b", 0))).matches())
            .containsExactly("a=[1] b=[3]", "a=[4] b=[5]");
    }
}
