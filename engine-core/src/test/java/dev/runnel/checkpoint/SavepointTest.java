package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobClient;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop-with-savepoint: the job stops at a consistent cut, and a job started from the savepoint,
 * possibly changed, continues from it with state matched by operator and state name.
 */
class SavepointTest {
    private static final long RECORDS = 3_000_000;

    @TempDir
    Path dir;

    /** Per key a count and a sum, reported at the end of time. */
    static final class Totals extends KeyedProcessFunction<Long, Long, String> {
        private final String sumStateName;
        private ValueState<Long> count;
        private ValueState<Long> sum;

        Totals(String sumStateName) {
            this.sumStateName = sumStateName;
        }

        @Override
        public void open(RuntimeContext rc) {
            count = rc.getState(new ValueStateDescriptor<>("count", Long.class));
            sum = rc.getState(new ValueStateDescriptor<>(sumStateName, Long.class));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            sum.update(sum.value() == null ? v : sum.value() + v);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " count=" + count.value() + " sum=" + sum.value());
        }
    }

    private static StreamEnvironment job(int parallelism, Path restoreFrom, String sumStateName, CollectSink<String> sink,
                                         boolean withAuditOperator) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        if (restoreFrom != null) {
            env.fromCheckpoint(restoreFrom);
        }
        var keyed = env.fromSource(GeneratorSource.bounded(RECORDS, i -> i), WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v), "numbers")
            .keyBy(v -> v % 7);
        var totals = keyed.process(new Totals(sumStateName)).name("totals");
        if (withAuditOperator) {
            totals = totals.keyBy(s -> s).process(new KeyedProcessFunction<String, String, String>() {
                @Override
                public void processElement(String s, Context ctx, Collector<String> out) {
                    out.collect(s);
                }
            }).name("audit");
        }
        totals.addSink(sink).name("out");
        return env;
    }

    private static List<String> sorted(CollectSink<String> sink) {
        List<String> out = new ArrayList<>(sink.values());
        out.sort(null);
        return out;
    }

    @Test
    void aJobResumedFromASavepointEndsWithTheOutputOfAnUninterruptedRun() throws Exception {
        CollectSink<String> uninterrupted = new CollectSink<>();
        job(2, null, "sum", uninterrupted, true).execute("whole");

        CollectSink<String> first = new CollectSink<>();
        JobClient client = job(2, null, "sum", first, true).executeAsync("first");
        Path savepoint = client.stopWithSavepoint(dir).get(30, TimeUnit.SECONDS);
        JobResult stopped = client.await();
        assertThat(stopped.cancelled()).isTrue();
        assertThat(savepoint).exists().hasParent(dir);
        assertThat(first.values()).as("stopped before the end of time").isEmpty();
        assertThat(stopped.recordsIn("totals")).as("stopped part-way").isLessThan(RECORDS);

        CollectSink<String> resumed = new CollectSink<>();
        JobResult result = job(1, dir, "sum", resumed, true).execute("resumed at another parallelism");
        assertThat(sorted(resumed)).isEqualTo(sorted(uninterrupted));
        assertThat(result.checkpoints().unmatchedRestoredState()).isEmpty();
    }

    @Test
    void stateTheChangedJobDoesNotClaimIsReported() throws Exception {
        CollectSink<String> first = new CollectSink<>();
        JobClient client = job(2, null, "sum", first, true).executeAsync("first");
        client.stopWithSavepoint(dir).get(30, TimeUnit.SECONDS);
        client.await();

        CollectSink<String> changed = new CollectSink<>();
        JobResult result = job(2, dir, "total", changed, false).execute("changed");
        assertThat(result.checkpoints().unmatchedRestoredState())
            .containsExactlyInAnyOrder("operator 'audit'", "operator 'totals' state 'sum'");
        // the state that still matches continued: counts cover the whole input
        long counted = 0;
        for (String line : changed.values()) {
            counted += Long.parseLong(line.replaceAll(".*count=(\\d+).*", "$1"));
        }
        assertThat(counted).isEqualTo(RECORDS);
    }

    @Test
    void aJobThatCannotBeCheckpointedRefusesTheSavepointByName() throws Exception {
        Source<Long> unresumable = new Source<>() {
            @Override
            public boolean isBounded() {
                return false;
            }

            @Override
            public SourceStatus poll(SourceOutput<Long> output, int maxRecords) {
                output.collect(1L);
                return SourceStatus.MORE_AVAILABLE;
            }
        };
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(unresumable, WatermarkStrategy.noWatermarks(), "queue").addSink(new CollectSink<>()).name("out");
        JobClient client = env.executeAsync("unresumable");
        try {
            assertThatThrownBy(() -> client.stopWithSavepoint(dir).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("source 'queue'")
                .hasMessageContaining("no resumable position");
            assertThat(client.isDone()).isFalse();
        } finally {
            client.cancel();
            client.await();
        }
        assertThat(Files.list(dir)).isEmpty();
    }
}
