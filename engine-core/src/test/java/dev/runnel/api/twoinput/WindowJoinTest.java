package dev.runnel.api.twoinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.CoGroupedStreams.TaggedUnion;
import dev.runnel.api.DataStream;
import dev.runnel.api.JoinedStreams;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.CoGroupFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.FlatJoinFunction;
import dev.runnel.api.functions.JoinFunction;
import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.twoinput.Sides.Ev;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.EventTimeTrigger;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TriggerResult;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window joins and co-groups on scripted input; expected outputs checked against Flink 1.20.0 on the
 * same scripts. Each time-window case also runs on the general window operator (a trigger that
 * behaves like the default one but is not it), since the default trigger takes the sliced path.
 */
class WindowJoinTest {
    static final JoinFunction<Ev, Ev, String> PAIR = (a, b) -> a + "+" + b;

    /** The default event-time trigger's behaviour on the general window operator. */
    static final class GeneralPathTrigger extends Trigger<Object, Window> {
        private final EventTimeTrigger delegate = EventTimeTrigger.create();

        @Override
        public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
            return delegate.onElement(element, timestamp, window, ctx);
        }

        @Override
        public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
            return delegate.onEventTime(time, window, ctx);
        }

        @Override
        public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
            return delegate.onProcessingTime(time, window, ctx);
        }

        @Override
        public void clear(Window window, TriggerContext ctx) {
            delegate.clear(window, ctx);
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(Window window, TriggerContext ctx) {
            delegate.onMerge(window, ctx);
        }
    }

    static <W extends Window> List<String> join(boolean generalPath, WindowAssigner<Object, W> assigner, long lateness, String... script) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, script);
        JoinedStreams<Ev, Ev>.Where<String>.EqualTo keys = in[0].join(in[1]).where(Ev::key).equalTo(Ev::key);
        JoinedStreams.WithWindow<Ev, Ev, String, W> windowed = keys.window(assigner).allowedLateness(Duration.ofMillis(lateness));
        if (generalPath) {
            windowed.trigger(new GeneralPathTrigger());
        }
        CollectSink<String> sink = new CollectSink<>();
        windowed.apply(PAIR).addSink(sink);
        env.execute("join");
        return sink.timestamped().stream().map(Object::toString).toList();
    }

    @ParameterizedTest(name = "general path: {0}")
    @ValueSource(booleans = {false, true})
    void tumblingWindowsJoinEveryPairOfAKeyAndWindow(boolean general) {
        assertThat(join(general, TumblingEventTimeWindows.of(Duration.ofMillis(10)), 0,
            "L:a@1", "L:a@2", "R:a@3", "R:a@4", "R:a@15", "L:b@4", "L:a@12", "W9", "R:a@20", "L:a@21", "W100"))
            .containsExactly(
                "L:a@1+R:a@3@9", "L:a@1+R:a@4@9", "L:a@2+R:a@3@9", "L:a@2+R:a@4@9",
                "L:a@12+R:a@15@19",
                "L:a@21+R:a@20@29");
    }

    @ParameterizedTest(name = "general path: {0}")
    @ValueSource(booleans = {false, true})
    void lateElementsWithinLatenessFireTheWholeWindowAgain(boolean general) {
        // window [0,10) fires at 10, again for R@8 and for L@9, is dropped at 9 + 5 = 14; L@7 after that is late
        assertThat(join(general, TumblingEventTimeWindows.of(Duration.ofMillis(10)), 5,
            "L:a@1", "R:a@3", "W10", "R:a@8", "L:a@9", "W14", "L:a@7", "R:a@2", "W100"))
            .containsExactly(
                "L:a@1+R:a@3@9",
                "L:a@1+R:a@3@9", "L:a@1+R:a@8@9",
                "L:a@1+R:a@3@9", "L:a@1+R:a@8@9", "L:a@9+R:a@3@9", "L:a@9+R:a@8@9");
    }

    @ParameterizedTest(name = "general path: {0}")
    @ValueSource(booleans = {false, true})
    void slidingWindowsJoinInEveryWindowBothShareAnElementOf(boolean general) {
        assertThat(join(general, SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)), 0,
            "L:a@1", "R:a@7", "L:a@12", "W100"))
            .containsExactly("L:a@1+R:a@7@9", "L:a@12+R:a@7@14");
    }

    @Test
    void sessionsMergeAcrossBothInputs() {
        // L@1 and R@4 form [1,9), R@8 extends it to [1,13); L@20 has no partner in its session
        assertThat(join(false, EventTimeSessionWindows.withGap(Duration.ofMillis(5)), 0, "L:a@1", "R:a@4", "L:a@20", "R:a@8", "W100"))
            .containsExactly("L:a@1+R:a@4@12", "L:a@1+R:a@8@12");
    }

    @Test
    void aTriggerDecidesWhenTheWindowFires() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, "L:a@1", "R:a@2", "R:a@3", "L:a@4", "R:a@5", "R:a@6", "W100");
        CollectSink<String> sink = new CollectSink<>();
        // every third element of either input fires the key's global window, which keeps its contents
        in[0].join(in[1]).where(Ev::key).equalTo(Ev::key).window(GlobalWindows.create()).trigger(CountTrigger.of(3))
            .apply(PAIR).addSink(sink);
        env.execute("count trigger");
        assertThat(sink.values()).containsExactly(
            "L:a@1+R:a@2", "L:a@1+R:a@3",
            "L:a@1+R:a@2", "L:a@1+R:a@3", "L:a@1+R:a@5", "L:a@1+R:a@6", "L:a@4+R:a@2", "L:a@4+R:a@3", "L:a@4+R:a@5", "L:a@4+R:a@6");
    }

    @Test
    void flatJoinMayEmitAnyNumberPerPair() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, "L:a@1", "R:a@2", "R:a@13", "L:a@14", "W100");
        FlatJoinFunction<Ev, Ev, String> fn = (a, b, out) -> {
            if (b.ts() > a.ts()) {
                out.collect(a + "<" + b);
                out.collect("again " + a + "<" + b);
            }
        };
        List<String> out = in[0].join(in[1]).where(Ev::key).equalTo(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .apply(fn).executeAndCollect();
        assertThat(out).containsExactly("L:a@1<R:a@2", "again L:a@1<R:a@2");
    }

    static List<String> coGroup(String... script) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, script);
        CollectSink<String> sink = new CollectSink<>();
        in[0].coGroup(in[1]).where(Ev::key).equalTo(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .apply((CoGroupFunction<Ev, Ev, String>) (first, second, out) -> {
                List<Ev> a = new ArrayList<>();
                first.forEach(a::add);
                List<Ev> b = new ArrayList<>();
                second.forEach(b::add);
                out.collect(a + " | " + b);
            }).addSink(sink);
        env.execute("coGroup");
        return sink.timestamped().stream().map(Object::toString).toList();
    }

    @Test
    void coGroupGetsBothSidesAlsoWhenOneIsEmpty() {
        assertThat(coGroup("L:a@1", "L:a@2", "R:a@3", "R:a@15", "L:b@4", "W100")).containsExactly(
            "[L:a@1, L:a@2] | [R:a@3]@9", "[L:b@4] | []@9", "[] | [R:a@15]@19");
    }

    /** Counts opens: a rich join function is copied per subtask and opened once each. */
    static final class RichPair implements JoinFunction<Ev, Ev, String>, RichFunction {
        private transient String prefix;

        @Override
        public void open(RuntimeContext context) {
            prefix = context.indexOfThisSubtask() + "/" + context.numberOfParallelSubtasks() + " ";
        }

        @Override
        public String join(Ev a, Ev b) {
            return prefix + a + "+" + b;
        }
    }

    @Test
    void joinsAtParallelismTwoWithRichFunctions() {
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(2);
        DataStream<Ev>[] in = Sides.split(env, "L:a@1", "R:a@2", "L:b@3", "R:b@4", "L:c@5", "R:c@6", "L:d@7", "R:d@8", "W100");
        List<String> out = in[0].join(in[1]).where(Ev::key).equalTo(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .apply(new RichPair()).executeAndCollect();
        assertThat(out).hasSize(4);
        assertThat(out.stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList())
            .containsExactlyInAnyOrder("L:a@1+R:a@2", "L:b@3+R:b@4", "L:c@5+R:c@6", "L:d@7+R:d@8");
        assertThat(out).allMatch(s -> s.startsWith("0/2 ") || s.startsWith("1/2 "));
        assertThat(out.stream().map(s -> s.substring(0, 1)).distinct()).hasSize(2); // keys spread over both subtasks
    }

    @Test
    void taggedUnionHoldsExactlyOneSide() {
        TaggedUnion<String, Integer> one = TaggedUnion.one("x");
        TaggedUnion<String, Integer> two = TaggedUnion.two(7);
        assertThat(one.isOne()).isTrue();
        assertThat(one.isTwo()).isFalse();
        assertThat(two.getTwo()).isEqualTo(7);
        assertThat(one).isEqualTo(TaggedUnion.one("x")).isNotEqualTo(two);
    }

    @Test
    void rejectsWhatWindowsReject() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, "W1");
        assertThatThrownBy(() -> in[0].join(in[1]).where(Ev::key).equalTo(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .allowedLateness(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> in[0].join(in[1]).where(Ev::key).equalTo(Ev::key)
            .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10))).allowedLateness(Duration.ofMillis(1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only applies to event-time windows");
    }
}
