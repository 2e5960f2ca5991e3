package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contiguity and simple conditions: begin, next, followedBy, followedByAny, where, or. */
class BasicPatternTest {
    private static Pattern<Event, Event> startMiddleEnd(boolean strict) {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("c"));
        Pattern<Event, Event> middle = strict ? p.next("middle") : p.followedBy("middle");
        return middle.where(e -> e.name().equals("a")).followedBy("end").where(e -> e.name().equals("b"));
    }

    @Test
    void followedBySkipsIrrelevantEventsAndTakesTheFirstMatchingOne() {
        // Flink NFAITCase#testSimplePatternNFA-like: c, x, a, y, a, b
        List<String> matches = run(startMiddleEnd(false),
            inOrder(ev(1, "c", 1), ev(2, "x", 1), ev(3, "a", 1), ev(4, "y", 1), ev(5, "a", 1), ev(6, "b", 1))).matches();
        assertThat(matches).containsExactly("start=[1] middle=[3] end=[6]");
    }

    @Test
    void nextRequiresTheVeryNextEvent() {
        List<String> matches = run(startMiddleEnd(true),
            inOrder(ev(1, "c", 1), ev(2, "x", 1), ev(3, "a", 1), ev(4, "c", 1), ev(5, "a", 1), ev(6, "b", 1))).matches();
        assertThat(matches).containsExactly("start=[4] middle=[5] end=[6]");
    }

    @Test
    void followedByAnyBranchesOnEveryMatchingEvent() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a"))
            .followedByAny("end").where(e -> e.name().equals("b"));
        List<String> matches = run(p, inOrder(ev(1, "a", 1), ev(2, "b", 1), ev(3, "b", 1))).matches();
        assertThat(matches).containsExactly("start=[1] end=[2]", "start=[1] end=[3]");
    }

    @Test
    void severalWheresMustAllHoldAndOrWidens() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("a")).where(e -> e.price() > 5)
            .or(e -> e.name().equals("z"));
        List<String> matches = run(p, inOrder(ev(1, "a", 1), ev(2, "a", 6), ev(3, "z", 0), ev(4, "b", 9))).matches();
        assertThat(matches).containsExactly("start=[2]", "start=[3]");
    }
}
