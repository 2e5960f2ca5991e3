package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.configuration.Configuration;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.OpenContext;
import dev.runnel.api.functions.RichFilterFunction;
import dev.runnel.api.functions.RichFlatMapFunction;
import dev.runnel.api.functions.RichMapFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Flink's rich functions: open(OpenContext), getRuntimeContext(), close(), keyed state after keyBy. */
class RichFunctionsTest {
    private static final List<String> WORDS = List.of("a", "b", "a", "c", "b", "a", "d", "a", "c", "b");

    /** Emits "word count" with a running count per word, kept in keyed ValueState, as in Flink's walkthroughs. */
    static final class RunningCount extends RichFlatMapFunction<String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void flatMap(String word, Collector<String> out) throws Exception {
            int next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(word + " " + next);
        }
    }

    @Test
    void aRichFlatMapAfterKeyByKeepsARunningCountPerKeyInValueState() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromCollection(WORDS).keyBy(w -> w).flatMap(new RunningCount()).executeAndCollect())
            .containsExactly("a 1", "b 1", "a 2", "c 1", "b 2", "a 3", "d 1", "a 4", "c 2", "b 3");
    }

    @Test
    void atParallelismTwoEachKeyCountsInOneSubtaskInArrivalOrder() {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        List<String> out = env.fromCollection(WORDS).keyBy(w -> w).flatMap(new RunningCount()).executeAndCollect();
        assertThat(out).containsExactlyInAnyOrder("a 1", "b 1", "a 2", "c 1", "b 2", "a 3", "d 1", "a 4", "c 2", "b 3");
        assertThat(out.stream().filter(s -> s.startsWith("a ")).toList()).containsExactly("a 1", "a 2", "a 3", "a 4");
        assertThat(out.stream().filter(s -> s.startsWith("b ")).toList()).containsExactly("b 1", "b 2", "b 3");
        assertThat(out.stream().filter(s -> s.startsWith("c ")).toList()).containsExactly("c 1", "c 2");
    }

    /** Written for Flink before 1.19: state is created in the deprecated open(Configuration). */
    static final class LegacyRunningCount extends RichFlatMapFunction<String, String> {
        private transient ValueState<Integer> count;
        private Configuration openedWith;

        @Override
        @SuppressWarnings("deprecation")
        public void open(Configuration parameters) {
            openedWith = parameters;
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void flatMap(String word, Collector<String> out) throws Exception {
            int next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(word + " " + next + (openedWith.toMap().isEmpty() ? "" : " ?"));
        }
    }

    @Test
    void aFunctionOverridingTheDeprecatedOpenConfigurationIsOpenedThroughItWithAnEmptyConfiguration() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromCollection(WORDS).keyBy(w -> w).flatMap(new LegacyRunningCount()).executeAndCollect())
            .containsExactly("a 1", "b 1", "a 2", "c 1", "b 2", "a 3", "d 1", "a 4", "c 2", "b 3");
    }

    /** Lets through the first occurrence of each key only. */
    static final class FirstPerKey extends RichFilterFunction<String> {
        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class));
        }

        @Override
        public boolean filter(String value) throws Exception {
            if (seen.value() != null) {
                return false;
            }
            seen.update(true);
            return true;
        }
    }

    /** Tags each word with its per-key sequence number. */
    static final class Numbered extends RichMapFunction<String, String> {
        private transient ValueState<Integer> n;

        @Override
        public void open(OpenContext openContext) {
            n = getRuntimeContext().getState(new ValueStateDescriptor<>("n", Integer.class));
        }

        @Override
        public String map(String value) throws Exception {
            int next = n.value() == null ? 0 : n.value() + 1;
            n.update(next);
            return value + "#" + next;
        }
    }

    @Test
    void aRichFilterAndARichMapAfterKeyByUseKeyedState() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromCollection(WORDS).keyBy(w -> w).filter(new FirstPerKey()).executeAndCollect())
            .containsExactly("a", "b", "c", "d");
        assertThat(env.fromCollection(WORDS).keyBy(w -> w).map(new Numbered()).executeAndCollect())
            .containsExactly("a#0", "b#0", "a#1", "c#0", "b#1", "a#2", "d#0", "a#3", "c#1", "b#2");
    }

    /** Records which subtask opened and closed it. */
    static final class Lifecycle extends RichMapFunction<String, String> {
        static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void open(OpenContext openContext) {
            EVENTS.add("open " + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + "/"
                + getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        }

        @Override
        public String map(String value) {
            return value + "@" + getRuntimeContext().getIndexOfThisSubtask();
        }

        @Override
        public void close() {
            EVENTS.add("close " + getRuntimeContext().getIndexOfThisSubtask());
        }
    }

    @Test
    void openAndCloseRunOncePerSubtaskWithTheSubtasksTaskInfo() {
        Lifecycle.EVENTS.clear();
        List<String> out = StreamEnvironment.create().setParallelism(2).fromCollection(WORDS).keyBy(w -> w)
            .map(new Lifecycle()).executeAndCollect();
        assertThat(Lifecycle.EVENTS).containsExactlyInAnyOrder("open 0/2", "open 1/2", "close 0", "close 1");
        ConcurrentHashMap<String, String> subtaskOfWord = new ConcurrentHashMap<>();
        for (String s : out) {
            String[] p = s.split("@");
            assertThat(subtaskOfWord.computeIfAbsent(p[0], w -> p[1])).as("every record of a key in one subtask").isEqualTo(p[1]);
        }
    }

    @Test
    void getRuntimeContextBeforeOpenSaysWhenItIsAvailable() {
        assertThatThrownBy(() -> new Numbered().getRuntimeContext())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("available from open(...) on");
    }

    @Test
    void keyedStateInARichMapWithoutKeyBySaysToCallKeyBy() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromCollection(WORDS).map(new Numbered()).name("numbered").addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("unkeyed"))
            .isInstanceOf(JobExecutionException.class)
            .hasStackTraceContaining("Call keyBy(...) before this operator to use keyed state");
    }

    /** Flink's fraud-detection walkthrough style: state created in open(OpenContext) through getRuntimeContext(). */
    static final class FlagAfterSmall extends KeyedProcessFunction<String, Integer, String> {
        private transient ValueState<Boolean> flag;

        @Override
        public void open(OpenContext parameters) {
            flag = getRuntimeContext().getState(new ValueStateDescriptor<>("flag", Boolean.class));
        }

        @Override
        public void processElement(Integer amount, Context ctx, Collector<String> out) throws Exception {
            if (flag.value() != null && amount > 500) {
                out.collect("alert " + ctx.getCurrentKey() + " " + amount);
            }
            if (amount < 1) {
                flag.update(true);
            } else {
                flag.clear();
            }
        }
    }

    @Test
    void aKeyedProcessFunctionOpensWithOpenContextAndGetRuntimeContext() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromElements(0, 600, 0, 5, 700, 0, 900).keyBy(a -> "acct").process(new FlagAfterSmall()).executeAndCollect())
            .containsExactly("alert acct 600", "alert acct 900");
    }
}
