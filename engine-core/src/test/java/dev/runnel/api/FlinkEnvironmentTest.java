package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.java.tuple.Tuple2;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.typeinfo.TypeHint;
import dev.runnel.api.typeinfo.TypeInformation;
import dev.runnel.api.typeinfo.Types;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment settings and collect forms a ported Flink program calls. */
class FlinkEnvironmentTest {

    @Test
    void streamingModeIsAcceptedAndBatchModesAreRefusedBecauseTheirOutputDiffers() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        assertThat(env.setRuntimeMode(RuntimeExecutionMode.STREAMING)).isSameAs(env);
        assertThatThrownBy(() -> env.setRuntimeMode(RuntimeExecutionMode.BATCH))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessageStartingWith("Runnel runs jobs in STREAMING mode only, not BATCH");
        assertThatThrownBy(() -> env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @SuppressWarnings("deprecation")
    void processingTimeCharacteristicTurnsPeriodicWatermarksOffAndEventTimeRestoresTheDefault() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        assertThat(env.getStreamTimeCharacteristic()).isEqualTo(TimeCharacteristic.EventTime);
        env.setStreamTimeCharacteristic(TimeCharacteristic.ProcessingTime);
        assertThat(env.getConfig().getAutoWatermarkInterval()).isZero();
        env.setStreamTimeCharacteristic(TimeCharacteristic.EventTime);
        assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(200);
        assertThat(env.autoWatermarkIntervalMillis()).isEqualTo(200);
    }

    @Test
    void globalJobParametersAndTheWatermarkIntervalAreKeptInTheConfig() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        ExecutionConfig.GlobalJobParameters params = new ExecutionConfig.GlobalJobParameters() {
            @Override
            public Map<String, String> toMap() {
                return Map.of("input", "words.txt");
            }
        };
        env.getConfig().setGlobalJobParameters(params);
        assertThat(env.getConfig().getGlobalJobParameters().toMap()).containsExactly(Map.entry("input", "words.txt"));
        assertThat(env.getConfig().setAutoWatermarkInterval(50).getAutoWatermarkInterval()).isEqualTo(50);
        assertThat(env.plan().autoWatermarkIntervalMillis()).isEqualTo(50);
        assertThatThrownBy(() -> env.getConfig().setAutoWatermarkInterval(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(env.getConfig().enableObjectReuse().isObjectReuseEnabled()).isTrue();
    }

    @Test
    void autoWatermarkIntervalZeroLeavesOnlyTheWatermarksEmittedPerEvent() {
        // With periodic emission off, a monotonous-timestamps source emits no watermark before the final one:
        // the process function sees Long.MIN_VALUE for every record, although the source runs 300 ms.
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        env.getConfig().setAutoWatermarkInterval(0);
        List<Long> seen = env.fromSource(GeneratorSource.bounded(300, i -> i * 1000).withRate(1000),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "numbers")
            .process(new dev.runnel.api.functions.ProcessFunction<Long, Long>() {
                @Override
                public void processElement(Long v, Context ctx, Collector<Long> out) {
                    out.collect(ctx.timerService().currentWatermark());
                }
            })
            .executeAndCollect();
        assertThat(seen).hasSize(300).containsOnly(Long.MIN_VALUE);
    }

    @Test
    void enableCheckpointingWithAnIntervalAloneWritesToANewTemporaryDirectoryDeletedAtExit() throws Exception {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(10);
        assertThat(env.getCheckpointStorage().directory())
            .startsWith(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))
            .satisfies(dir -> assertThat(dir.getFileName().toString()).startsWith("runnel-checkpoints-"))
            .isDirectory();
        assertThat(env.fromData(1, 2, 3).map(v -> v * 2).executeAndCollect()).containsExactly(2, 4, 6);
        assertThatThrownBy(() -> env.enableCheckpointing(0)).isInstanceOf(IllegalArgumentException.class);
        try (var files = Files.list(env.getCheckpointStorage().directory())) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.delete(env.getCheckpointStorage().directory());
    }

    @Test
    void executeAndCollectWithAJobNameIteratesTheRecordsAsFlinksDoes() throws Exception {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = env.fromData("a", "b", "c").map(String::toUpperCase).executeAndCollect("upper")) {
            it.forEachRemaining(out::add);
        }
        assertThat(out).containsExactly("A", "B", "C");

        List<Integer> viaUtils = new ArrayList<>();
        DataStreamUtils.collect(env.fromData(3, 2, 1)).forEachRemaining(viaUtils::add);
        assertThat(viaUtils).containsExactly(3, 2, 1);
    }

    @Test
    void executeAndCollectWithALimitStopsAnUnboundedJobAfterThatManyRecords() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        DataStream<Long> endless = env.fromSource(GeneratorSource.unbounded(i -> i),
            WatermarkStrategy.noWatermarks(), "endless");
        assertThat(endless.executeAndCollect(5)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(env.fromData(1, 2).executeAndCollect("short", 10)).containsExactly(1, 2);
    }

    @Test
    void typeArgumentsAreAcceptedWhereFlinkTakesThemAndChangeNothing() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        List<Tuple2<String, Integer>> out = env.fromData(Types.STRING, "a", "bb")
            .map(s -> Tuple2.of(s, s.length()))
            .returns(Types.TUPLE(Types.STRING, Types.INT))
            .returns(new TypeHint<Tuple2<String, Integer>>() {})
            .flatMap((Tuple2<String, Integer> t, Collector<Tuple2<String, Integer>> c) -> c.collect(t),
                Types.TUPLE(Types.STRING, Types.INT))
            .map(t -> t, TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}))
            .executeAndCollect();
        assertThat(out).containsExactly(Tuple2.of("a", 1), Tuple2.of("bb", 2));
        assertThat(env.fromData(List.of(1, 2), Types.INT).executeAndCollect()).containsExactly(1, 2);
        assertThat(env.fromData(List.of(3, 4)).executeAndCollect()).containsExactly(3, 4);
        assertThat(env.fromData(Integer.class, 5, 6).executeAndCollect()).containsExactly(5, 6);
        assertThat(env.fromCollection(List.of(7), Types.INT).executeAndCollect()).containsExactly(7);
    }

    @Test
    void stateDescriptorsTakeFlinkTypeInformation() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        List<String> out = env.fromData("a", "b", "a", "a")
            .keyBy(s -> s, Types.STRING)
            .process(new KeyedProcessFunction<String, String, String>() {
                private transient ValueState<Long> count;
                private transient ValueState<Tuple2<String, Long>> last;

                @Override
                public void open(RuntimeContext context) {
                    count = context.getState(new ValueStateDescriptor<>("count", Types.LONG));
                    last = context.getState(new ValueStateDescriptor<>("last",
                        TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {})));
                }

                @Override
                public void processElement(String value, Context ctx, Collector<String> collector) {
                    long n = count.value() == null ? 1 : count.value() + 1;
                    count.update(n);
                    last.update(Tuple2.of(value, n));
                    collector.collect(last.value().toString());
                }
            })
            .executeAndCollect();
        assertThat(out).containsExactly("(a,1)", "(b,1)", "(a,2)", "(a,3)");
    }

    @Test
    void aStreamCollectedTwiceReadsItsSourceFromTheStartInEachExecution() {
        // Flink builds a new job from the same transformations; the second job reads the data again
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        DataStream<Integer> doubled = env.fromData(1, 2, 3).map(v -> v * 2);
        assertThat(doubled.executeAndCollect()).containsExactly(2, 4, 6);
        assertThat(doubled.filter(v -> v > 2).executeAndCollect()).containsExactly(4, 6);
        DataStream<Long> generated = env.fromSource(GeneratorSource.bounded(3, i -> i), WatermarkStrategy.noWatermarks(), "g");
        assertThat(generated.executeAndCollect()).containsExactly(0L, 1L, 2L);
        assertThat(generated.executeAndCollect()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void fromSequenceGivesTheNumbersFromStartToEndBothIncluded() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        assertThat(env.fromSequence(-2, 2).executeAndCollect()).containsExactly(-2L, -1L, 0L, 1L, 2L);
        assertThat(env.fromSequence(7, 7).executeAndCollect()).containsExactly(7L);
        assertThatThrownBy(() -> env.fromSequence(3, 2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Start of sequence must not be greater than the end: 3 > 2");
    }
}
