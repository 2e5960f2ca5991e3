package dev.runnel.benchmarks;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the benchmark jobs with checkpoints when {@code --checkpoint-interval MS} asks for them
 * (system property {@value #PROPERTY}, passed on to forked runs): into a temporary directory that
 * is deleted afterwards, keeping the last two. Prints what the checkpoints cost, as one
 * {@code CHECKPOINTS} line per job.
 */
public final class BenchCheckpoints {
    static final String PROPERTY = "runnel.bench.checkpointIntervalMs";

    private BenchCheckpoints() {}

    /** Events in checkpoints as their four fields. */
    static final TypeSerializer<Event> EVENT = new TypeSerializer<>() {
        @Override
        public void serialize(Event e, DataOutput out) throws IOException {
            out.writeLong(e.key);
            out.writeLong(e.ts);
            out.writeInt(e.type);
            out.writeDouble(e.amount);
        }

        @Override
        public Event deserialize(DataInput in) throws IOException {
            Event e = new Event();
            e.key = in.readLong();
            e.ts = in.readLong();
            e.type = in.readInt();
            e.amount = in.readDouble();
            return e;
        }
    };

    /** The interval in milliseconds, or -1 when the jobs run without checkpoints. */
    static long intervalMillis() {
        return Long.getLong(PROPERTY, -1);
    }

    public static JobResult execute(StreamEnvironment env, String job) {
        long interval = intervalMillis();
        if (interval < 0) {
            return BenchMetrics.execute(env, job);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("runnel-bench-checkpoints");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            env.enableCheckpointing(Duration.ofMillis(interval), new CheckpointStorage(dir, 2));
            env.registerTypeSerializer(Event.class, EVENT); // events wait in CEP buffers; Java serialization would describe the class each time
            JobResult result = BenchMetrics.execute(env, job);
            CheckpointStats s = result.checkpoints();
            System.out.printf(Locale.ROOT, "CHECKPOINTS %s every %d ms: completed=%d failed=%d last: duration=%d ms size=%,d bytes%n",
                job, interval, s.completed(), s.failed(), s.lastDurationMillis(), s.lastSizeBytes());
            return result;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not worth failing a benchmark for
        }
    }
}
