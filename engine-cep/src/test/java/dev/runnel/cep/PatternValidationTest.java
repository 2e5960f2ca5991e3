package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.inOrder;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.pattern.MalformedPatternException;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.WithinType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invalid patterns fail at definition or compilation, naming the stage and the fix; failing conditions fail the job with context. */
class PatternValidationTest {
    private static void compile(Pattern<Event, ?> p) {
        CEP.pattern(StreamEnvironment.create().fromElements(ev(1, "a", 0)), p);
    }

    @Test
    void duplicateStageNamesFailAtCompilation() {
        Pattern<Event, Event> p = Pattern.<Event>begin("a").followedBy("b").followedBy("a");
        assertThatThrownBy(() -> compile(p)).isInstanceOf(MalformedPatternException.class)
            .hasMessage("Stage 'a': duplicate stage name; every stage needs a unique name because matches are keyed by it");
    }

    @Test
    void duplicateNamesInsideGroupsAreFoundToo() {
        Pattern<Event, Event> p = Pattern.<Event>begin("a").followedBy(Pattern.<Event>begin("a").next("c"));
        assertThatThrownBy(() -> compile(p)).isInstanceOf(MalformedPatternException.class).hasMessageContaining("Stage 'a'");
    }

    @Test
    void trailingNotFollowedByNeedsAWindow() {
        Pattern<Event, Event> p = Pattern.<Event>begin("a").notFollowedBy("not");
        assertThatThrownBy(() -> compile(p)).isInstanceOf(MalformedPatternException.class)
            .hasMessageContaining("Stage 'not'").hasMessageContaining("add within(Duration)");
        compile(Pattern.<Event>begin("a").notFollowedBy("not").within(Duration.ofSeconds(1)));
    }

    @Test
    void meaninglessQuantifiersFailWhenApplied() {
        assertThatThrownBy(() -> Pattern.<Event>begin("a").greedy()).isInstanceOf(MalformedPatternException.class)
            .hasMessageContaining("Stage 'a'").hasMessageContaining("add oneOrMore()");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").notNext("n").optional())
            .hasMessageContaining("Stage 'n'").hasMessageContaining("cannot be optional");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").optional().optional()).hasMessageContaining("already applied");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").oneOrMore().times(2)).hasMessageContaining("a quantifier is already applied");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").consecutive()).hasMessageContaining("add oneOrMore() or times(n)");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").oneOrMore().consecutive().allowCombinations())
            .hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").times(0)).hasMessageContaining("times(0)");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").optional().notFollowedBy("n"))
            .hasMessageContaining("Stage 'n'").hasMessageContaining("optional stage 'a'");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").followedBy(Pattern.<Event>begin("b")).greedy())
            .hasMessageContaining("group");
    }

    @Test
    void untilOnlyOnLoopingStages() {
        assertThatThrownBy(() -> Pattern.<Event>begin("a").where(e -> true).until(e -> true))
            .isInstanceOf(MalformedPatternException.class)
            .hasMessage("Stage 'a': until() only applies to a looping stage; call oneOrMore() or timesOrMore(n) before until()");
        assertThatThrownBy(() -> Pattern.<Event>begin("a").times(3).until(e -> true)).hasMessageContaining("looping stage");
    }

    @Test
    void stageWindowLongerThanThePatternWindowFails() {
        Pattern<Event, Event> p = Pattern.<Event>begin("a").within(Duration.ofMillis(10))
            .followedBy("b").within(Duration.ofMillis(20), WithinType.PREVIOUS_AND_CURRENT);
        assertThatThrownBy(() -> compile(p)).hasMessageContaining("Stage 'b'").hasMessageContaining("shorten it");
    }

    @Test
    void aFailingConditionFailsTheJobNamingOperatorKeyTimestampAndRecord() {
        Pattern<Event, Event> p = Pattern.<Event>begin("a").where(e -> {
            if (e.id() == 2) {
                throw new IllegalStateException("boom");
            }
            return true;
        });
        assertThatThrownBy(() -> run(p, inOrder(ev(1, "a", 0), ev(2, "a", 0))))
            .isInstanceOf(JobExecutionException.class)
            .hasStackTraceContaining("operator 'Pattern'")
            .hasStackTraceContaining("timestamp=2")
            .hasStackTraceContaining("record=2")
            .hasStackTraceContaining("boom");
    }

    @Test
    void nonKeyedStreamsMatchAcrossAllEvents() {
        assertThat(run(Pattern.<Event>begin("a").where(e -> e.name().equals("a")).next("b"), inOrder(ev(1, "a", 0), ev(2, "z", 0)))
            .matches()).containsExactly("a=[1] b=[2]");
    }
}
