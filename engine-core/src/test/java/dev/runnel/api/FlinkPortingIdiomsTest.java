package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.time.Watermark;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** More of Flink's spellings from ported programs: watermark suppliers with a context, several print sinks, keys by field. */
class FlinkPortingIdiomsTest {

    @Test
    void forGeneratorTakesFlinksSupplierOfAContextAndWatermarksCarryGetTimestamp() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        List<Long> watermarks = env.fromData(5L, 10L)
            .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forGenerator(ctx -> new WatermarkGenerator<>() {
                @Override
                public void onEvent(Long event, long eventTimestamp, WatermarkOutput output) {
                    Watermark watermark = new Watermark(eventTimestamp - 1);
                    output.emitWatermark(new Watermark(watermark.getTimestamp()));
                }

                @Override
                public void onPeriodicEmit(WatermarkOutput output) {}
            }).withTimestampAssigner((v, ts) -> v))
            .process(new ProcessFunction<Long, Long>() {
                @Override
                public void processElement(Long v, Context ctx, Collector<Long> out) {
                    out.collect(ctx.timerService().currentWatermark());
                }
            })
            .executeAndCollect();
        assertThat(watermarks).containsExactly(Long.MIN_VALUE, 4L);
    }

    @Test
    void aJobMayHaveSeveralPrintSinksWithoutNamingThemAsInFlink() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            DataStream<Integer> numbers = env.fromData(1, 2);
            numbers.print();
            numbers.map(n -> n * 10).print();
            numbers.print("same");
            numbers.print("same");
            env.execute("prints");
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().sorted().toList())
            .containsExactly("1", "10", "2", "20", "same> 1", "same> 1", "same> 2", "same> 2");
    }

    /** A POJO as Flink programs write them. */
    public static class WordCount {
        public String word;
        private final int count;

        public WordCount(String word, int count) {
            this.word = word;
            this.count = count;
        }

        public int getCount() {
            return count;
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void keyByFieldPositionsAndNamesKeysByATupleOfThoseFieldsAsFlinksDeprecatedForms() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        List<String> byPosition = env.fromData(
                dev.runnel.api.java.tuple.Tuple2.of("a", 1), dev.runnel.api.java.tuple.Tuple2.of("b", 2),
                dev.runnel.api.java.tuple.Tuple2.of("a", 3))
            .keyBy(0)
            .process(new dev.runnel.api.functions.KeyedProcessFunction<dev.runnel.api.java.tuple.Tuple,
                    dev.runnel.api.java.tuple.Tuple2<String, Integer>, String>() {
                @Override
                public void processElement(dev.runnel.api.java.tuple.Tuple2<String, Integer> value, Context ctx,
                        Collector<String> out) {
                    out.collect(ctx.getCurrentKey() + " " + value.f1);
                }
            })
            .executeAndCollect();
        assertThat(byPosition).containsExactly("(a) 1", "(b) 2", "(a) 3");

        List<String> byName = env.fromData(new WordCount("x", 1), new WordCount("y", 2), new WordCount("x", 2))
            .keyBy("word", "count")
            .reduce((a, b) -> new WordCount(a.word + b.word, a.getCount()))
            .map(w -> w.word + w.getCount())
            .executeAndCollect();
        assertThat(byName).containsExactly("x1", "y2", "x2"); // ("x", 2) is another key than ("x", 1)

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.fromData("not a tuple").keyBy(0).reduce((a, b) -> a).executeAndCollect())
            .hasRootCauseMessage("keyBy(0) keys by a tuple field, but the record is a java.lang.String; use keyBy(KeySelector)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> env.fromData(new WordCount("z", 1)).keyBy("size").reduce((a, b) -> a).executeAndCollect())
            .hasRootCauseMessage("keyBy(\"size\"): dev.runnel.api.FlinkPortingIdiomsTest$WordCount has no public field or getter named 'size'");
    }
}
