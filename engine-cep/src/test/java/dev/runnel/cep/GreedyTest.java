package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.Pattern;
import org.junit.jupiter.api.Test;

/** Greedy loops before other stages (Flink's GreedyITCase inputs and expected matches). */
class GreedyTest {
    private static final Event C = ev(40, "c", 1);
    private static final Event A1 = ev(41, "a", 2);
    private static final Event A2 = ev(42, "a", 2);
    private static final Event A3 = ev(43, "a", 2);
    private static final Event D = ev(44, "d", 3);

    private static Pattern<Event, Event> cGreedyAD() {
        return Pattern.<Event>begin("start").where(e -> e.name().equals("c"))
            .followedBy("middle").where(e -> e.name().equals("a")).oneOrMore().optional().greedy()
            .followedBy("end").where(e -> e.name().equals("d"));
    }

    @Test
    void greedyZeroOrMoreTakesAllAndOnlyReportsTheLongest() {
        assertThat(run(cGreedyAD(), inOrder(C, A1, A2, A3, D)).matches()).containsExactly("start=[40] middle=[41, 42, 43] end=[44]");
    }

    @Test
    void greedyZeroOrMoreSkipsEventsInBetween() {
        Event dummy = ev(1, "dummy", 1111);
        assertThat(run(cGreedyAD(), inOrder(C, dummy, A1, dummy, A2, dummy, A3, D)).matches())
            .containsExactly("start=[40] middle=[41, 42, 43] end=[44]");
    }

    @Test
    void greedyWithDummyAfterTheLoop() {
        assertThat(run(cGreedyAD(), inOrder(C, A1, A2, ev(43, "dummy", 2), D)).matches())
            .containsExactly("start=[40] middle=[41, 42] end=[44]");
    }

    @Test
    void greedyZeroOrMoreMayTakeNothing() {
        assertThat(run(cGreedyAD(), inOrder(C, ev(43, "dummy", 2), D)).matches()).containsExactly("start=[40] end=[44]");
    }

    @Test
    void greedyWithUntilStopsAtTheUntilEvent() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("c"))
            .followedBy("middle").where(e -> e.name().equals("a")).oneOrMore().optional().greedy().until(e -> e.price() > 3.0)
            .followedBy("end").where(e -> e.name().equals("d"));
        Event a1 = ev(41, "a", 2);
        Event a2 = ev(42, "a", 3);
        Event a3 = ev(43, "a", 3);
        Event d = ev(45, "d", 3);
        assertThat(run(p, inOrder(C, a1, a2, a3, ev(44, "a", 4), d)).matches())
            .containsExactly("start=[40] middle=[41, 42, 43] end=[45]");
        assertThat(run(p, inOrder(C, ev(44, "a", 4), a1, a2, a3, d)).matches()).containsExactly("start=[40] end=[45]");
    }

    @Test
    void greedyTimesRangeTakesAsManyAsPossible() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("c"))
            .followedBy("middle").where(e -> e.name().equals("a")).times(2, 3).greedy()
            .followedBy("end").where(e -> e.name().equals("d"));
        assertThat(run(p, inOrder(C, A1, A2, A3, D)).matches()).containsExactly("start=[40] middle=[41, 42, 43] end=[44]");
    }
}
