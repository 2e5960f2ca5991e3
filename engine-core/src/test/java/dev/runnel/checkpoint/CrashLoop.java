package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Crash-at-random-record harness: a job over {@link Event}s, killed by an exception at a few random
 * records in turn (each attempt restores from the previous attempt's checkpoints), must leave in
 * its exactly-once file sinks exactly what an uninterrupted run leaves. Watermarks come from the
 * events alone (each event announces {@code timestamp - 100}), so both runs see the same ones.
 */
public final class CrashLoop {
    /** One input record: its index, key, type, value and event time; a few are far behind the others (late). */
    public record Event(long index, long key, int type, long value, long timestamp) implements Serializable {
        public static Event of(long i) {
            long h = mix(i);
            long ts = i * 7 + Math.floorMod(h >>> 8, 200);
            if (Math.floorMod(h, 37) == 0) {
                ts -= 1_500 + Math.floorMod(h >>> 20, 2_000); // late, or within lateness
            }
            return new Event(i, Math.floorMod(h >>> 32, 1_000), (int) Math.floorMod(h >>> 40, 3), Math.floorMod(h >>> 16, 100), ts);
        }

        private static long mix(long x) {
            x = (x ^ (x >>> 33)) * 0xff51afd7ed558ccdL;
            x = (x ^ (x >>> 33)) * 0xc4ceb9fe1a85ec53L;
            return x ^ (x >>> 33);
        }
    }

    /** Builds the job's operators between the source and the sinks; gets each sink's output stream by name. */
    public interface Pipeline {
        void build(DataStream<Event> events, BiConsumer<String, DataStream<String>> sinks);
    }

    private final Path dir;
    private final long records;
    private final Pipeline pipeline;

    public CrashLoop(Path dir, long records, Pipeline pipeline) {
        this.dir = dir;
        this.records = records;
        this.pipeline = pipeline;
    }

    public static WatermarkStrategy<Event> eventWatermarks() {
        return WatermarkStrategy.<Event>forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(Event event, long eventTimestamp, WatermarkOutput output) {
                output.emitWatermark(eventTimestamp - 100);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        }).withTimestampAssigner((e, ts) -> e.timestamp());
    }

    /** Runs the job, crashing at record {@code crashAt} (-1: never); returns each sink's committed lines. */
    public Map<String, List<String>> run(Path out, long crashAt, Path checkpoints, boolean restore) throws IOException {
        return run(out, crashAt, checkpoints, restore, 1);
    }

    public Map<String, List<String>> run(Path out, long crashAt, Path checkpoints, boolean restore, int parallelism) throws IOException {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        if (checkpoints != null) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
            env.enableCheckpointing(Duration.ZERO, storage).setTolerableCheckpointFailures(0);
            if (restore && !storage.completedIds().isEmpty()) { // a crash before the first checkpoint starts afresh
                env.fromCheckpoint(checkpoints);
            }
        }
        DataStream<Event> events = env.fromSource(GeneratorSource.bounded(records, Event::of), eventWatermarks(), "events")
            .map(e -> {
                if (e.index() == crashAt) {
                    throw new IllegalStateException("injected crash at record " + crashAt);
                }
                return e;
            }).name("crash");
        Map<String, List<String>> result = new TreeMap<>();
        pipeline.build(events, (name, stream) -> {
            stream.addSink(ExactlyOnceFileSink.lines(out.resolve(name), s -> s)).name("sink-" + name);
            result.put(name, null);
        });
        env.execute("crash-loop");
        for (String name : result.keySet()) {
            result.put(name, ExactlyOnceFileSink.readCommitted(out.resolve(name)));
        }
        return result;
    }

    /**
     * Crashes {@code crashes} times at increasing random records, restoring each time, and checks
     * that the committed output equals the uninterrupted run's; returns that output.
     */
    public Map<String, List<String>> checkAgainstUninterrupted(long seed, int crashes) throws IOException {
        return checkAgainstUninterrupted(seed, crashes, 1, 1);
    }

    /**
     * As above, with the crashing runs at {@code parallelism} and the last one, restored, at
     * {@code restoredParallelism}. Across parallelisms the order of results from different keys
     * differs, so outputs are then compared sorted.
     */
    public Map<String, List<String>> checkAgainstUninterrupted(long seed, int crashes, int parallelism, int restoredParallelism)
            throws IOException {
        Map<String, List<String>> expected = run(dir.resolve("uninterrupted"), -1, null, false);
        Random random = new Random(seed);
        long[] at = new long[crashes];
        for (int i = 0; i < crashes; i++) {
            at[i] = records / 10 + (long) (random.nextDouble() * (records * 8 / 10));
        }
        Arrays.sort(at);
        Path out = dir.resolve("crashed");
        Path checkpoints = dir.resolve("checkpoints");
        for (int i = 0; i < crashes; i++) {
            long crashAt = at[i];
            boolean restore = i > 0;
            assertThatThrownBy(() -> run(out, crashAt, checkpoints, restore, parallelism))
                .as("attempt %d crashes at record %d", i, crashAt)
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("injected crash");
        }
        assertThat(new CheckpointStorage(checkpoints, 3).completedIds()).as("checkpoints to restore from").isNotEmpty();
        Map<String, List<String>> resumed = run(out, -1, checkpoints, true, restoredParallelism);
        for (String name : expected.keySet()) {
            List<String> want = expected.get(name);
            List<String> got = resumed.get(name);
            if (parallelism != 1 || restoredParallelism != 1) {
                want = want.stream().sorted().toList();
                got = got.stream().sorted().toList();
            }
            assertThat(got).as("output '%s' after crashes at records %s", name, Arrays.toString(at)).containsExactlyElementsOf(want);
        }
        return expected;
    }
}
