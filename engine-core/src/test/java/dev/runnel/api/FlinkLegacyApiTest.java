package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.configuration.CheckpointingOptions;
import dev.runnel.api.configuration.Configuration;
import dev.runnel.api.configuration.ExecutionOptions;
import dev.runnel.api.configuration.StateBackendOptions;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.SourceFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.time.Watermark;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.time.Time;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's Configuration, legacy SourceFunction and deprecated Time, as ported programs use them. */
@SuppressWarnings("deprecation")
class FlinkLegacyApiTest {

    @Test
    void configurationSetsTheCheckpointDirectoryAndRefusesBackendsRunnelLacks(@TempDir Path dir) {
        Configuration configuration = new Configuration()
            .set(StateBackendOptions.STATE_BACKEND, "hashmap")
            .set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem")
            .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toString())
            .set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment(configuration);
        env.enableCheckpointing(2000L);
        assertThat(env.getCheckpointStorage().directory()).isEqualTo(dir);

        assertThatThrownBy(() -> StreamEnvironment.getExecutionEnvironment(new Configuration().set(StateBackendOptions.STATE_BACKEND, "rocksdb")))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessage("State backend 'rocksdb' is not available: Runnel keeps keyed state on the heap (state.backend.type: hashmap)");
        assertThatThrownBy(() -> StreamEnvironment.getExecutionEnvironment(new Configuration().set(CheckpointingOptions.CHECKPOINT_STORAGE, "s3")))
            .hasMessage("Unknown checkpoint storage 's3': use 'jobmanager' or 'filesystem'");
        assertThatThrownBy(() -> StreamEnvironment.getExecutionEnvironment(
                new Configuration().set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH)))
            .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sourceFunctionRecordsKeepTheirOrderAndTimestampsAndTheJobEndsWhenRunReturns() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.addSource(new SourceFunction<String>() {
                @Override
                public void run(SourceContext<String> ctx) {
                    ctx.collect("plain");
                    ctx.collectWithTimestamp("stamped", 42L);
                    ctx.emitWatermark(new Watermark(50L));
                    ctx.collectWithTimestamp("after", 60L);
                }

                @Override
                public void cancel() {}
            }, "legacy")
            .process(new ProcessFunction<String, String>() {
                @Override
                public void processElement(String value, Context ctx, Collector<String> collector) {
                    collector.collect(value + "@" + ctx.timestamp() + " wm " + ctx.timerService().currentWatermark());
                }
            })
            .executeAndCollect();

        assertThat(out).containsExactly("plain@null wm " + Long.MIN_VALUE, "stamped@42 wm " + Long.MIN_VALUE, "after@60 wm 50");
    }

    @Test
    void aFailingSourceFunctionFailsTheJobAndAnEndlessOneIsCancelledWhenTheJobStops() {
        StreamEnvironment env = StreamEnvironment.create();
        env.addSource(new SourceFunction<Integer>() {
            @Override
            public void run(SourceContext<Integer> ctx) {
                ctx.collect(1);
                throw new IllegalStateException("feed broke");
            }

            @Override
            public void cancel() {}
        }).print();
        assertThatThrownBy(env::execute).hasStackTraceContaining("feed broke");

        AtomicBoolean cancelled = new AtomicBoolean();
        List<Long> first = StreamEnvironment.create().addSource(new SourceFunction<Long>() {
            private volatile boolean running = true;

            @Override
            public void run(SourceContext<Long> ctx) {
                for (long i = 0; running; i++) {
                    ctx.collect(i);
                }
            }

            @Override
            public void cancel() {
                running = false;
                cancelled.set(true);
            }
        }).executeAndCollect("endless", 3);

        assertThat(first).containsExactly(0L, 1L, 2L);
        assertThat(cancelled).isTrue();
    }

    @Test
    void timeIsTakenWhereFlinkTakesItAsTheDurationItNames() {
        assertThat(TumblingEventTimeWindows.of(Time.seconds(5)).size()).isEqualTo(5_000);
        assertThat(SlidingEventTimeWindows.of(Time.minutes(1), Time.seconds(10)).slide()).isEqualTo(10_000);
        assertThat(Time.hours(2).toDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(Time.toDuration(null)).isNull();
        assertThat(EventTimeSessionWindows.withGap(Time.milliseconds(3))).isNotNull();
    }
}
