package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.java.tuple.Tuple25;
import dev.runnel.api.java.tuple.Tuple7;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * sum/min/max/minBy/maxBy by position and by name, rolling on keyed streams and per window. The
 * expected outputs of the rolling cases are what Flink 1.20 prints for the same input.
 */
class FieldAggregationTest {
    private static final String[] ROLL = {"a,3,10@1", "b,7,1@2", "a,1,20@3", "a,2,5@4", "a,1,30@5", "b,7,2@6"};

    private static List<String> rolling(Function<KeyedStream<Tuple3Like<String, Integer, Integer>, String>, DataStream<?>> aggregation) {
        StreamEnvironment env = StreamEnvironment.create();
        KeyedStream<Tuple3Like<String, Integer, Integer>, String> keyed = env
            .fromSource(Tuple3Like.script(ROLL), WatermarkStrategy.noWatermarks(), "src").keyBy(t -> t.f0);
        return stamped(env, aggregation.apply(keyed));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<String> stamped(StreamEnvironment env, DataStream<?> stream) {
        CollectSink sink = new CollectSink<>();
        stream.addSink(sink);
        env.execute("test");
        return ((List<CollectSink.Timestamped<?>>) sink.timestamped()).stream().map(Object::toString).toList();
    }

    @Test
    void rollingSumKeepsTheOtherFieldsOfTheFirstElement() {
        assertThat(rolling(k -> k.sum(1))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,4,10)@3", "(a,6,10)@4", "(a,7,10)@5", "(b,14,1)@6");
    }

    @Test
    void rollingMinUpdatesOnlyTheAggregatedField() {
        assertThat(rolling(k -> k.min(1))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,1,10)@3", "(a,1,10)@4", "(a,1,10)@5", "(b,7,1)@6");
        assertThat(rolling(k -> k.min("f1"))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,1,10)@3", "(a,1,10)@4", "(a,1,10)@5", "(b,7,1)@6");
    }

    @Test
    void rollingMaxUpdatesOnlyTheAggregatedField() {
        assertThat(rolling(k -> k.max(2))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,3,20)@3", "(a,3,20)@4", "(a,3,30)@5", "(b,7,2)@6");
    }

    @Test
    void minByReturnsTheWholeElementAndKeepsTheFirstOnATieUnlessAskedForTheLast() {
        assertThat(rolling(k -> k.minBy(1))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,1,20)@3", "(a,1,20)@4", "(a,1,20)@5", "(b,7,1)@6");
        assertThat(rolling(k -> k.minBy(1, false))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,1,20)@3", "(a,1,20)@4", "(a,1,30)@5", "(b,7,2)@6");
    }

    @Test
    void maxByReturnsTheWholeElementAndKeepsTheFirstOnATieUnlessAskedForTheLast() {
        assertThat(rolling(k -> k.maxBy(1))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,3,10)@3", "(a,3,10)@4", "(a,3,10)@5", "(b,7,1)@6");
        assertThat(rolling(k -> k.maxBy("f1", false))).containsExactly(
            "(a,3,10)@1", "(b,7,1)@2", "(a,3,10)@3", "(a,3,10)@4", "(a,3,10)@5", "(b,7,2)@6");
    }

    @Test
    void aggregationsByPositionReachTheFieldsOfWideTuples() {
        StreamEnvironment env = StreamEnvironment.create();
        KeyedStream<Tuple7<String, Integer, Integer, Integer, Integer, Integer, Integer>, String> sevens = env.fromElements(
            Tuple7.of("a", 1, 2, 3, 4, 5, 10), Tuple7.of("b", 1, 1, 1, 1, 1, 1), Tuple7.of("a", 9, 9, 9, 9, 9, 3),
            Tuple7.of("a", 0, 0, 0, 0, 0, 20)).keyBy(t -> t.f0);
        assertThat(values(env, sevens.sum(6))).containsExactly(
            "(a,1,2,3,4,5,10)", "(b,1,1,1,1,1,1)", "(a,1,2,3,4,5,13)", "(a,1,2,3,4,5,33)");

        StreamEnvironment env2 = StreamEnvironment.create();
        assertThat(values(env2, env2.fromElements(Tuple7.of("a", 1, 2, 3, 4, 5, 10), Tuple7.of("a", 9, 9, 9, 9, 9, 3))
                .keyBy(t -> t.f0).max(5)))
            .containsExactly("(a,1,2,3,4,5,10)", "(a,1,2,3,4,9,10)");

        StreamEnvironment env3 = StreamEnvironment.create();
        assertThat(values(env3, env3.fromElements(wide("k", 7L), wide("k", 5L), wide("k", 9L)).keyBy(t -> t.f0).min(24)))
            .map(line -> line.substring(line.lastIndexOf(',') + 1))
            .containsExactly("7)", "5)", "5)");
    }

    private static List<String> values(StreamEnvironment env, DataStream<?> stream) {
        return stamped(env, stream).stream().map(line -> line.substring(0, line.lastIndexOf('@'))).toList();
    }

    /** A Tuple25 of a key, 23 numbers and {@code last}. */
    private static Tuple25<String, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
            Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Long> wide(
            String key, long last) {
        Tuple25<String, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
            Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Long> t = new Tuple25<>();
        t.f0 = key;
        for (int i = 1; i < 24; i++) {
            t.setField(i, i);
        }
        t.f24 = last;
        return t;
    }

    /** A POJO with public fields, as in Flink's examples. */
    public static final class P implements java.io.Serializable {
        public String k;
        public int x;
        public int y;

        public P() {}

        P(String k, int x, int y) {
            this.k = k;
            this.x = x;
            this.y = y;
        }

        @Override
        public String toString() {
            return "P(" + k + "," + x + "," + y + ")";
        }
    }

    @Test
    void byNameOnAPojoWithPublicFieldsMatchesFlink() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromElements(new P("a", 1, 5), new P("a", 2, 3), new P("a", 4, 9)).keyBy(p -> p.k).sum("x").executeAndCollect())
            .map(Object::toString).containsExactly("P(a,1,5)", "P(a,3,5)", "P(a,7,5)");
        assertThat(env.fromElements(new P("a", 1, 5), new P("a", 2, 3), new P("a", 4, 9)).keyBy(p -> p.k).min("y").executeAndCollect())
            .map(Object::toString).containsExactly("P(a,1,5)", "P(a,1,3)", "P(a,1,3)");
        assertThat(env.fromElements(new P("a", 1, 5), new P("a", 2, 3), new P("a", 4, 9)).keyBy(p -> p.k).maxBy("y").executeAndCollect())
            .map(Object::toString).containsExactly("P(a,1,5)", "P(a,1,5)", "P(a,4,9)");
    }

    /** A bean: private fields with getters and setters. */
    public static final class Bean implements java.io.Serializable {
        private String key;
        private long amount;
        private boolean flagged;

        public Bean() {}

        Bean(String key, long amount, boolean flagged) {
            this.key = key;
            this.amount = amount;
            this.flagged = flagged;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public long getAmount() {
            return amount;
        }

        public void setAmount(long amount) {
            this.amount = amount;
        }

        public boolean isFlagged() {
            return flagged;
        }

        public void setFlagged(boolean flagged) {
            this.flagged = flagged;
        }

        @Override
        public String toString() {
            return key + ":" + amount + (flagged ? "!" : "");
        }
    }

    @Test
    void byNameOnABeanUsesItsGetterAndSetterAndCopiesTheOtherFields() {
        List<Bean> in = List.of(new Bean("a", 5, true), new Bean("a", 7, false), new Bean("a", 2, false));
        List<Bean> out = StreamEnvironment.create().fromCollection(in).keyBy(Bean::getKey).sum("amount").executeAndCollect();
        assertThat(out).map(Object::toString).containsExactly("a:5!", "a:12!", "a:14!");
        assertThat(in).map(Object::toString).as("inputs are not mutated").containsExactly("a:5!", "a:7", "a:2");
    }

    record Reading(String sensor, double value, short count, long at) {}

    @Test
    void byNameOnARecordBuildsANewRecordWithTheFieldReplaced() {
        StreamEnvironment env = StreamEnvironment.create();
        List<Reading> in = List.of(new Reading("s", 1.5, (short) 1, 10), new Reading("s", 2.25, (short) 2, 20), new Reading("s", 0.5, (short) 3, 30));
        assertThat(env.fromCollection(in).keyBy(Reading::sensor).sum("value").executeAndCollect()).containsExactly(
            new Reading("s", 1.5, (short) 1, 10), new Reading("s", 3.75, (short) 1, 10), new Reading("s", 4.25, (short) 1, 10));
        assertThat(env.fromCollection(in).keyBy(Reading::sensor).sum("count").executeAndCollect()).extracting(Reading::count)
            .containsExactly((short) 1, (short) 3, (short) 6);
        assertThat(env.fromCollection(in).keyBy(Reading::sensor).minBy("value").executeAndCollect()).extracting(Reading::at)
            .containsExactly(10L, 10L, 30L);
    }

    @Test
    void sumOfBytesWrapsAndBigDecimalsAreExact() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromElements((byte) 100, (byte) 100).keyBy(b -> 0).sum(0).executeAndCollect()).containsExactly((byte) 100, (byte) -56);
        assertThat(env.fromElements(new BigDecimal("0.1"), new BigDecimal("0.2")).keyBy(b -> 0).sum(0).executeAndCollect())
            .containsExactly(new BigDecimal("0.1"), new BigDecimal("0.3"));
        assertThat(env.fromElements(3L, 9L, 1L).keyBy(b -> 0).max(0).executeAndCollect()).containsExactly(3L, 9L, 9L);
    }

    @Test
    void aggregationsDoNotMutateTheirInputs() {
        List<Tuple3Like<String, Integer, Integer>> in = List.of(Tuple3Like.of("a", 3, 10), Tuple3Like.of("a", 1, 20), Tuple3Like.of("a", 5, 30));
        StreamEnvironment env = StreamEnvironment.create();
        env.fromCollection(in).keyBy(t -> t.f0).sum(1).executeAndCollect();
        env.fromCollection(in).keyBy(t -> t.f0).min(1).executeAndCollect();
        env.fromCollection(in).keyBy(t -> t.f0).max(2).executeAndCollect();
        assertThat(in).map(Object::toString).containsExactly("(a,3,10)", "(a,1,20)", "(a,5,30)");
    }

    @Test
    void anUnknownFieldOfADeclaredTypeFailsWhenTheStepIsDefinedListingTheFields() {
        KeyedStream<P, String> keyed = StreamEnvironment.create().fromElements(new P("a", 1, 5)).keyBy(p -> p.k);
        assertThatThrownBy(() -> keyed.sum("z"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Field 'z' does not exist in " + P.class.getName() + "; fields: [k, x, y]");
        assertThatThrownBy(() -> keyed.sum(1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("aggregate by field name instead. Fields: [k, x, y]");
    }

    /** Declares its output type, as Flink's WordCount Tokenizer does; a lambda would not. */
    static final class Split implements FlatMapFunction<String, Tuple3Like<String, Integer, Integer>> {
        @Override
        public void flatMap(String line, Collector<Tuple3Like<String, Integer, Integer>> out) {
            for (String w : line.split(" ")) {
                out.collect(Tuple3Like.of(w, 1, w.length()));
            }
        }
    }

    @Test
    void aPositionOutsideATupleDeclaredByAFunctionClassFailsWhenTheStepIsDefined() {
        DataStream<Tuple3Like<String, Integer, Integer>> words = StreamEnvironment.create().fromElements("to be or not").flatMap(new Split());
        assertThatThrownBy(() -> words.keyBy(t -> t.f0).sum(3))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Position 3 does not exist in " + Tuple3Like.class.getName() + ": it has positions 0..2 [f0, f1, f2]");
        assertThatThrownBy(() -> words.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).maxBy("count"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Field 'count' does not exist");
        assertThat(words.keyBy(t -> t.f0).sum(1).executeAndCollect()).map(Object::toString)
            .containsExactly("(to,1,2)", "(be,1,2)", "(or,1,2)", "(not,1,3)");
    }

    @Test
    void whenATypeIsUnknownUntilRunTimeAnUnknownFieldFailsTheJobAtTheFirstRecord() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements("a").map(s -> new P(s, 1, 5)).keyBy(p -> p.k).sum("z").addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("unknown field"))
            .isInstanceOf(JobExecutionException.class)
            .rootCause().isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Field 'z' does not exist in " + P.class.getName() + "; fields: [k, x, y]");
        StreamEnvironment env2 = StreamEnvironment.create();
        env2.fromSource(Tuple3Like.script("a,1,2@1"), WatermarkStrategy.noWatermarks(), "src").keyBy(t -> t.f0)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).max(3).addSink(new CollectSink<>());
        assertThatThrownBy(() -> env2.execute("bad position"))
            .isInstanceOf(JobExecutionException.class)
            .rootCause().isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Position 3 does not exist in " + Tuple3Like.class.getName() + ": it has positions 0..2 [f0, f1, f2]");
    }

    /** Immutable, no no-argument constructor: minBy/maxBy need no copy, sum does. */
    public static final class Fixed implements java.io.Serializable {
        public final String k;
        public final int v;

        Fixed(String k, int v) {
            this.k = k;
            this.v = v;
        }

        @Override
        public String toString() {
            return k + "=" + v;
        }
    }

    @Test
    void minByNeedsNoCopyButSumOfAClassWithoutANoArgumentConstructorSaysWhatItNeeds() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThat(env.fromElements(new Fixed("a", 3), new Fixed("a", 1)).keyBy(f -> f.k).minBy("v").executeAndCollect())
            .map(Object::toString).containsExactly("a=3", "a=1");
        assertThatThrownBy(() -> env.fromElements(new Fixed("a", 3)).keyBy(f -> f.k).sum("v"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("is final, so an aggregation cannot write its result");
    }

    @Test
    void aNegativePositionOrABlankNameFailsWhenTheStepIsDefined() {
        KeyedStream<P, String> keyed = StreamEnvironment.create().fromElements(new P("a", 1, 5)).keyBy(p -> p.k);
        assertThatThrownBy(() -> keyed.sum(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> keyed.max(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
    }

    @Test
    void windowedSumAndAllWindowedMaxByFireOncePerWindowAtItsMaxTimestamp() {
        String[] steps = {"a,1,1@1", "b,5,2@2", "a,2,3@4", "a,4,4@12", "b,1,5@15", "W30"};
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Tuple3Like<String, Integer, Integer>> src = env.fromSource(Tuple3Like.script(steps), WatermarkStrategy.noWatermarks(), "src");
        assertThat(stamped(env, src.keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).sum(1)))
            .containsExactly("(a,3,1)@9", "(b,5,2)@9", "(a,4,4)@19", "(b,1,5)@19");
        StreamEnvironment env2 = StreamEnvironment.create();
        DataStream<Tuple3Like<String, Integer, Integer>> src2 = env2.fromSource(Tuple3Like.script(steps), WatermarkStrategy.noWatermarks(), "src");
        assertThat(stamped(env2, src2.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).maxBy(1)))
            .containsExactly("(b,5,2)@9", "(a,4,4)@19");
        StreamEnvironment env3 = StreamEnvironment.create();
        DataStream<Tuple3Like<String, Integer, Integer>> src3 = env3.fromSource(Tuple3Like.script(steps), WatermarkStrategy.noWatermarks(), "src");
        assertThat(stamped(env3, src3.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10))).min(2)))
            .containsExactly("(a,1,1)@9", "(a,4,4)@19");
    }
}
