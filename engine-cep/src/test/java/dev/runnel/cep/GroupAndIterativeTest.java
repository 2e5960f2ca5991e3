package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.Pattern;
import org.junit.jupiter.api.Test;

/** Group patterns with quantifiers and optional inner stages; iterative conditions over looping stages. */
class GroupAndIterativeTest {
    private static Pattern<Event, Event> is(String stage, String name) {
        return Pattern.<Event>begin(stage).where(e -> e.name().equals(name));
    }

    @Test
    void groupRepeatedTimesTakesTheWholeSequenceEachTime() {
        Pattern<Event, Event> p = is("start", "c").next(is("m1", "a").next("m2").where(e -> e.name().equals("b"))).times(2)
            .next("end").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "b", 0), ev(4, "a", 0), ev(5, "b", 0), ev(6, "d", 0)))
            .matches()).containsExactly("start=[1] m1=[2, 4] m2=[3, 5] end=[6]");
    }

    @Test
    void groupOneOrMoreReportsEveryRepetitionCount() {
        Pattern<Event, Event> p = is("start", "c").followedBy(is("m1", "a").next("m2").where(e -> e.name().equals("b"))).oneOrMore()
            .followedBy("end").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "b", 0), ev(4, "a", 0), ev(5, "b", 0), ev(6, "d", 0)))
            .matches()).containsExactlyInAnyOrder(
                "start=[1] m1=[2] m2=[3] end=[6]",
                "start=[1] m1=[2, 4] m2=[3, 5] end=[6]");
    }

    @Test
    void optionalStageInsideAGroup() {
        Pattern<Event, Event> p = is("start", "c").followedBy(is("m1", "a").followedBy("m2").where(e -> e.name().equals("b")).optional())
            .followedBy("end").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "d", 0))).matches())
            .containsExactly("start=[1] m1=[2] end=[3]");
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "b", 0), ev(4, "d", 0))).matches())
            .containsExactlyInAnyOrder("start=[1] m1=[2] m2=[3] end=[4]", "start=[1] m1=[2] end=[4]");
    }

    @Test
    void optionalGroupMayBeSkippedEntirely() {
        Pattern<Event, Event> p = is("start", "c").followedBy(is("m1", "a").next("m2").where(e -> e.name().equals("b"))).optional()
            .followedBy("end").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 0), ev(3, "b", 0), ev(4, "d", 0))).matches())
            .containsExactlyInAnyOrder("start=[1] m1=[2] m2=[3] end=[4]", "start=[1] end=[4]");
    }

    @Test
    void beginWithAGroup() {
        Pattern<Event, Event> p = Pattern.begin(is("m1", "a").next("m2").where(e -> e.name().equals("b")))
            .followedBy("end").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(ev(1, "a", 0), ev(2, "b", 0), ev(3, "a", 0), ev(4, "d", 0))).matches())
            .containsExactly("m1=[1] m2=[2] end=[4]");
    }

    @Test
    void iterativeConditionSeesTheEventsAlreadyTakenByThePartialMatch() {
        // a middle event is taken only while the middle prices stay below 10 in total
        Pattern<Event, Event> p = is("start", "c").followedBy("middle").where((e, ctx) -> {
            if (!e.name().equals("a")) {
                return false;
            }
            double sum = e.price();
            for (Event taken : ctx.getEventsForPattern("middle")) {
                sum += taken.price();
            }
            return sum < 10;
        }).oneOrMore().followedBy("end").where(e -> e.name().equals("b"));
        assertThat(run(p, inOrder(ev(1, "c", 0), ev(2, "a", 3), ev(3, "a", 4), ev(4, "a", 5), ev(5, "b", 0))).matches())
            .containsExactlyInAnyOrder("start=[1] middle=[2] end=[5]", "start=[1] middle=[2, 3] end=[5]");
    }

    @Test
    void iterativeConditionCanCompareWithAnEarlierStage() {
        // end must be more expensive than the start event of the same partial match
        Pattern<Event, Event> p = is("start", "a").followedByAny("end").where((e, ctx) -> {
            Event start = ctx.getEventsForPattern("start").iterator().next();
            return e.name().equals("b") && e.price() > start.price();
        });
        assertThat(run(p, inOrder(ev(1, "a", 5), ev(2, "a", 1), ev(3, "b", 3), ev(4, "b", 6))).matches())
            .containsExactlyInAnyOrder("start=[2] end=[3]", "start=[1] end=[4]", "start=[2] end=[4]");
    }
}
