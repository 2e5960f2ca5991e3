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

/** Flink's spellings a ported program uses, accepted as they are. */
class FlinkIdiomsTest {

    @Test
    void anonymousOutputTagSubclassIsASideOutputWithItsType() {
        OutputTag<String> odd = new OutputTag<String>("odd") {};
        assertThat(odd.getType()).isEqualTo(String.class);
        assertThat(odd).isEqualTo(OutputTag.of("odd", String.class));

        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        DataStream<Integer> evens = env.fromData(1, 2, 3, 4).process(new ProcessFunction<Integer, Integer>() {
            @Override
            public void processElement(Integer v, Context ctx, Collector<Integer> out) {
                if (v % 2 == 0) {
                    out.collect(v);
                } else {
                    ctx.output(odd, "odd " + v);
                }
            }
        });
        dev.runnel.api.sink.CollectSink<String> odds = new dev.runnel.api.sink.CollectSink<>();
        evens.getSideOutput(odd).addSink(odds);
        List<Integer> out = evens.executeAndCollect();
        assertThat(out).containsExactly(2, 4);
        assertThat(odds.values()).containsExactly("odd 1", "odd 3");
    }

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
}
