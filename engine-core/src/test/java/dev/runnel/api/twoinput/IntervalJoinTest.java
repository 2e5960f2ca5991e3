package dev.runnel.api.twoinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.IntervalJoined;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.JobResult;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessJoinFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.twoinput.Sides.Ev;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interval joins on scripted input. Expected outputs were checked against Flink 1.20.0 running the
 * same scripts (where Flink's two network channels could reorder elements, against the same set).
 */
class IntervalJoinTest {
    static final OutputTag<Ev> LATE_LEFT = new OutputTag<>("late-left") {};
    static final OutputTag<Ev> LATE_RIGHT = new OutputTag<>("late-right") {};

    /** "left+right [leftTs,rightTs,ts]". */
    static final class Describe extends ProcessJoinFunction<Ev, Ev, String> {
        @Override
        public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) {
            out.collect(left + "+" + right + " [" + ctx.getLeftTimestamp() + "," + ctx.getRightTimestamp() + "," + ctx.getTimestamp() + "]");
        }
    }

    record Run(List<String> joined, List<String> lateLeft, List<String> lateRight, JobResult result) {}

    static Run run(long lower, long upper, boolean lowerExclusive, boolean upperExclusive, String... script) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, script);
        IntervalJoined<Ev, Ev, String> join = in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key))
            .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
            .sideOutputLeftLateData(LATE_LEFT).sideOutputRightLateData(LATE_RIGHT);
        if (lowerExclusive) {
            join = join.lowerBoundExclusive();
        }
        if (upperExclusive) {
            join = join.upperBoundExclusive();
        }
        DataStream<String> out = join.process(new Describe());
        CollectSink<String> joined = new CollectSink<>();
        CollectSink<Ev> lateLeft = new CollectSink<>();
        CollectSink<Ev> lateRight = new CollectSink<>();
        out.addSink(joined);
        out.getSideOutput(LATE_LEFT).addSink(lateLeft);
        out.getSideOutput(LATE_RIGHT).addSink(lateRight);
        JobResult result = env.execute("interval join");
        return new Run(joined.timestamped().stream().map(Object::toString).toList(),
            lateLeft.timestamped().stream().map(Object::toString).toList(),
            lateRight.timestamped().stream().map(Object::toString).toList(), result);
    }

    @Test
    void joinsEachPairWithinTheIntervalWhicheverSideComesFirst() {
        Run r = run(-2, 2, false, false, "L:a@5", "R:a@3", "R:a@7", "R:a@8", "L:a@6", "R:b@5", "L:a@1", "W100");
        assertThat(r.joined()).containsExactly(
            "L:a@5+R:a@3 [5,3,5]@5",
            "L:a@5+R:a@7 [5,7,7]@7",
            "L:a@6+R:a@7 [6,7,7]@7",
            "L:a@6+R:a@8 [6,8,8]@8",
            "L:a@1+R:a@3 [1,3,3]@3");
    }

    @Test
    void exclusiveBoundsLeaveOutTheEnds() {
        Run r = run(-2, 2, true, true, "L:a@5", "R:a@3", "R:a@7", "R:a@8", "L:a@6", "R:b@5", "L:a@1", "W100");
        assertThat(r.joined()).containsExactly("L:a@6+R:a@7 [6,7,7]@7");
        assertThat(run(-2, 2, true, false, "L:a@5", "R:a@3", "R:a@4", "R:a@7", "W100").joined())
            .containsExactly("L:a@5+R:a@4 [5,4,5]@5", "L:a@5+R:a@7 [5,7,7]@7");
        assertThat(run(-2, 2, false, true, "L:a@5", "R:a@3", "R:a@4", "R:a@7", "W100").joined())
            .containsExactly("L:a@5+R:a@3 [5,3,5]@5", "L:a@5+R:a@4 [5,4,5]@5");
        // [0, 0] with both ends excluded is empty: nothing joins, not even equal timestamps
        assertThat(run(0, 0, true, true, "L:a@5", "R:a@5", "W100").joined()).isEmpty();
    }

    @Test
    void boundsOnOneSideOfTheLeftElement() {
        assertThat(run(2, 4, false, false, "L:a@1", "R:a@2", "R:a@3", "R:a@5", "R:a@6", "W100").joined())
            .containsExactly("L:a@1+R:a@3 [1,3,3]@3", "L:a@1+R:a@5 [1,5,5]@5");
        assertThat(run(-4, -2, false, false, "R:a@2", "R:a@3", "R:a@5", "R:a@6", "L:a@7", "W100").joined())
            .containsExactly("L:a@7+R:a@3 [7,3,7]@7", "L:a@7+R:a@5 [7,5,7]@7");
    }

    @Test
    void pairsOfOneElementComeInTimestampOrderOfTheOtherSide() {
        // Flink iterates its buffer's map in hash order; Runnel's buffer is sorted, ties in arrival order
        Run r = run(-10, 10, false, false, "R:a@7", "R:a@3", "R:a@5", "R:a@3", "L:a@4", "W100");
        assertThat(r.joined()).containsExactly(
            "L:a@4+R:a@3 [4,3,4]@4", "L:a@4+R:a@3 [4,3,4]@4", "L:a@4+R:a@5 [4,5,5]@5", "L:a@4+R:a@7 [4,7,7]@7");
    }

    @Test
    void elementsBehindTheWatermarkAreLateAndJoinNothing() {
        Run r = run(0, 5, false, false, "L:a@10", "W12", "R:a@11", "R:a@13", "L:a@11", "L:a@12", "W100");
        assertThat(r.joined()).containsExactly("L:a@10+R:a@13 [10,13,13]@13", "L:a@12+R:a@13 [12,13,13]@13");
        assertThat(r.lateLeft()).containsExactly("L:a@11@11");
        assertThat(r.lateRight()).containsExactly("R:a@11@11");
    }

    @Test
    void lateElementsWithoutASideOutputAreDroppedAndCounted() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, "L:a@10", "W12", "R:a@11", "L:a@5", "R:a@12", "W100");
        CollectSink<String> sink = new CollectSink<>();
        in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key)).between(Duration.ofMillis(0), Duration.ofMillis(5))
            .process(new Describe()).addSink(sink);
        JobResult result = env.execute("late");
        assertThat(sink.values()).containsExactly("L:a@10+R:a@12 [10,12,12]");
        assertThat(result.lateRecordsDropped()).isEqualTo(2);
    }

    @Test
    void stateIsDroppedWhenTheWatermarkPassesTheInterval() {
        // left@0 with upper 5 is dropped at watermark 5: right@5 is not late (5 is not below 5) but finds nothing (as Flink)
        assertThat(run(0, 5, false, false, "L:a@0", "W5", "R:a@5", "W100").joined()).isEmpty();
        assertThat(run(0, 5, false, false, "L:a@0", "W4", "R:a@5", "W100").joined()).containsExactly("L:a@0+R:a@5 [0,5,5]@5");
        // right@0 with lower -5 is dropped at watermark 5
        assertThat(run(-5, 0, false, false, "R:a@0", "W5", "L:a@5", "W100").joined()).isEmpty();
        assertThat(run(-5, 0, false, false, "R:a@0", "W4", "L:a@5", "W100").joined()).containsExactly("L:a@5+R:a@0 [5,0,5]@5");
    }

    /** Counts the pairs per key in keyed state: the join's function may use the key's state. */
    static final class CountPerKey extends ProcessJoinFunction<Ev, Ev, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) throws Exception {
            int n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(left.key() + "#" + n);
            if (n == 2) {
                ctx.output(LATE_LEFT, left); // any side output; carries the pair's timestamp
            }
        }
    }

    @Test
    void functionHasKeyedStateAndSideOutputs() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, "L:a@1", "L:b@1", "R:a@2", "R:b@3", "R:a@4", "W100");
        DataStream<String> out = in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key))
            .between(Duration.ofMillis(0), Duration.ofMillis(5)).process(new CountPerKey());
        CollectSink<Ev> side = new CollectSink<>();
        out.getSideOutput(LATE_LEFT).addSink(side);
        CollectSink<String> main = new CollectSink<>();
        out.addSink(main);
        env.execute("state");
        assertThat(main.values()).containsExactly("a#1", "b#1", "a#2");
        assertThat(side.timestamped().toString()).isEqualTo("[L:a@1@4]");
    }

    @Test
    void parallelJoinGivesTheSamePairs() {
        String[] script = {"L:a@1", "L:b@2", "R:a@2", "R:b@3", "L:c@4", "R:c@4", "R:a@6", "L:d@5", "W3", "R:d@5", "W100"};
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(2);
        DataStream<Ev>[] in = Sides.split(env, script);
        List<String> out = in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key))
            .between(Duration.ofMillis(-1), Duration.ofMillis(1)).process(new Describe()).executeAndCollect();
        assertThat(out).containsExactlyInAnyOrder("L:a@1+R:a@2 [1,2,2]", "L:b@2+R:b@3 [2,3,3]", "L:c@4+R:c@4 [4,4,4]",
            "L:d@5+R:d@5 [5,5,5]");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void timestampsAtTheEndOfTimeJoinAndAreCleanedUp() {
        long end = Long.MAX_VALUE;
        Run r = run(0, 10, false, false, "L:a@" + (end - 3), "R:a@" + (end - 1), "R:b@" + (end - 1));
        assertThat(r.joined()).containsExactly("L:a@" + (end - 3) + "+R:a@" + (end - 1) + " [" + (end - 3) + "," + (end - 1) + ","
            + (end - 1) + "]@" + (end - 1));
    }

    @Test
    void rejectsWhatFlinkRejects() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, "W1");
        assertThatThrownBy(() -> in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key)).between(Duration.ofMillis(2), Duration.ofMillis(1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowerBound <= upperBound");
        assertThatThrownBy(() -> in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key)).inProcessingTime()
            .between(Duration.ofMillis(0), Duration.ofMillis(1)))
            .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("only supported in event time");
    }

    @Test
    void elementsWithoutTimestampsFailTheJob() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev> left = env.fromElements(new Ev("L", "a", 1));
        DataStream<Ev> right = env.fromElements(new Ev("R", "a", 1));
        left.keyBy(Ev::key).intervalJoin(right.keyBy(Ev::key)).between(Duration.ZERO, Duration.ZERO).process(new Describe())
            .addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("no timestamps")).isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("without a timestamp");
    }
}
