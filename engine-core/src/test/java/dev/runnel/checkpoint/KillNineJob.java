package dev.runnel.checkpoint;

import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The jobs {@link KillNineTest} runs in a child JVM and kills, over generated events, checkpointing
 * after every round of source polls into {@code checkpoints}, with an exactly-once file sink: "w1"
 * (keyBy(key % 10 000), tumbling 1 s event-time sums) and "w3" (keyBy(key % 50), event-time
 * sessions with a 500 ms gap, sums). It restores from {@code checkpoints} when a checkpoint is
 * there, and pauses for the kill as {@link KillNine#pauseAfter} says. Arguments: job, output dir,
 * checkpoint dir (or "-" for none), records, record to pause at (-1: none), and optionally the
 * parallelism (default 1). At the end it prints its checkpoint statistics to stderr (its log).
 */
public final class KillNineJob {
    private KillNineJob() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[1]);
        Path checkpoints = args[2].equals("-") ? null : Path.of(args[2]);
        int parallelism = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        JobResult result = run(args[0], out, checkpoints, Long.parseLong(args[3]), Long.parseLong(args[4]), parallelism);
        System.err.println(result.checkpoints());
    }

    static JobResult run(String job, Path out, Path checkpoints, long records, long pauseAfter) throws Exception {
        return run(job, out, checkpoints, records, pauseAfter, 1);
    }

    static JobResult run(String job, Path out, Path checkpoints, long records, long pauseAfter, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        if (checkpoints != null) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
            env.enableCheckpointing(Duration.ZERO, storage);
            if (!storage.completedIds().isEmpty()) {
                env.fromCheckpoint(checkpoints);
            }
        }
        var events = env.fromSource(GeneratorSource.bounded(records, i -> wide(Event.of(i))), CrashLoop.eventWatermarks(), "events")
            .map(KillNine.<Event>pauseAfter(pauseAfter)).name("pause");
        var windowed = job.equals("w3")
            ? events.keyBy(e -> e.key() % 50).window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
            : events.keyBy(e -> e.key() % 10_000).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
        windowed.reduce((a, b) -> new Event(a.index(), a.key(), a.type(), a.value() + b.value(), Math.max(a.timestamp(), b.timestamp())))
            .name("sums")
            .addSink(ExactlyOnceFileSink.lines(out, e -> e.key() + "@" + e.index() + "=" + e.value())).name("out");
        return env.execute("kill-nine");
    }

    /** The same events over 10 000 keys, as W1 has. */
    private static Event wide(Event e) {
        return new Event(e.index(), (e.key() * 7_919 + e.index()) % 10_000, e.type(), e.value(), e.timestamp());
    }
}
