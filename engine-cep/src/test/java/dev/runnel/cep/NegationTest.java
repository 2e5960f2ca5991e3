package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.source.ScriptedSource;
import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** notNext and notFollowedBy, in the middle and at the end (Flink's NotPatternITCase semantics). */
class NegationTest {
    @Test
    void notNextKillsThePartialMatchWhenTheNextEventMatches() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a"))
            .notNext("not").where(e -> e.name().equals("b"))
            .followedBy("end").where(e -> e.name().equals("c"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(3, "a", 0), ev(4, "d", 0), ev(5, "b", 0), ev(6, "c", 0)))
            .matches()).containsExactly("start=[3] end=[6]");
    }

    @Test
    void notNextAsLastStageMatchesOnTheNextNonMatchingEvent() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a"))
            .notNext("not").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(3, "a", 0), ev(4, "d", 0))).matches())
            .containsExactly("start=[3]");
    }

    @Test
    void notFollowedByInTheMiddleKillsThePartialMatchOnAnyMatchingEventBefore() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a"))
            .notFollowedBy("not").where(e -> e.name().equals("b"))
            .followedBy("end").where(e -> e.name().equals("c"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "d", 0), ev(3, "b", 0), ev(4, "c", 0))).matches()).isEmpty();
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "d", 0), ev(3, "c", 0), ev(4, "b", 0))).matches())
            .containsExactly("start=[1] end=[3]");
    }

    @Test
    void notFollowedByBeforeAnOptionalStageIsVoidedOnceTheOptionalStageTakesAnEvent() {
        // Flink's compiler comment: for a.notFollowedBy(b).followedByAny(c).optional().followedByAny(d),
        // "a c b d" matches but "a b d" does not
        Pattern<Event, Event> p = Pattern.<Event>begin("a").where(e -> e.name().equals("a"))
            .notFollowedBy("b").where(e -> e.name().equals("b"))
            .followedByAny("c").where(e -> e.name().equals("c")).optional()
            .followedByAny("d").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "c", 0), ev(3, "b", 0), ev(4, "d", 0))).matches())
            .containsExactly("a=[1] c=[2] d=[4]");
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(3, "b", 0), ev(4, "d", 0))).matches()).isEmpty();
    }

    @Test
    void notFollowedByAtTheEndMatchesWhenTheWindowExpiresWithoutTheEvent() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a"))
            .notFollowedBy("not").where(e -> e.name().equals("b")).within(Duration.ofMillis(10));
        CepTestSupport.Result r = run(p, ScriptedSource.<Event>create()
                .event(ev(1, "a", 0), 1).event(ev(2, "x", 0), 5)
                .event(ev(3, "a", 0), 20).event(ev(4, "b", 0), 25)
                .event(ev(5, "a", 0), 40).watermark(49).watermark(50),
            UnaryOperator.identity(), true);
        // the match of a@1 completes when time reaches 1 + 10; a@20 was killed by b; a@40 completes at 50
        assertThat(r.matches()).containsExactly("start=[1] @11", "start=[5] @50");
    }

    @Test
    void notFollowedByAfterALoopStopsTheLoopsPartialMatches() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a")).oneOrMore()
            .notFollowedBy("not").where(e -> e.name().equals("b"))
            .followedBy("end").where(e -> e.name().equals("c"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "a", 0), ev(3, "b", 0), ev(4, "a", 0), ev(5, "c", 0))).matches())
            .containsExactly("start=[4] end=[5]");
    }
}
