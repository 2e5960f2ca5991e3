package dev.runnel.checkpoint;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The job {@link KillNineTest} runs in a child JVM and kills: W1-like (keyBy(key % 10 000), tumbling
 * 1 s event-time sums) over rate-limited generated events, checkpointing every few milliseconds
 * into {@code checkpoints}, with an exactly-once file sink. It restores from {@code checkpoints}
 * when a checkpoint is there. Arguments: output dir, checkpoint dir (or "-" for none), records,
 * records per second.
 */
public final class KillNineJob {
    private KillNineJob() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path checkpoints = args[1].equals("-") ? null : Path.of(args[1]);
        run(out, checkpoints, Long.parseLong(args[2]), Double.parseDouble(args[3]));
    }

    static void run(Path out, Path checkpoints, long records, double rate) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        if (checkpoints != null) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
            env.enableCheckpointing(Duration.ofMillis(5), storage);
            if (!storage.completedIds().isEmpty()) {
                env.fromCheckpoint(checkpoints);
            }
        }
        GeneratorSource<Event> source = GeneratorSource.bounded(records, i -> wide(Event.of(i)));
        env.fromSource(rate > 0 ? source.withRate(rate) : source, CrashLoop.eventWatermarks(), "events")
            .keyBy(e -> e.key() % 10_000)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .reduce((a, b) -> new Event(a.index(), a.key(), a.type(), a.value() + b.value(), Math.max(a.timestamp(), b.timestamp())))
            .name("sums")
            .addSink(ExactlyOnceFileSink.lines(out, e -> e.key() + "@" + e.timestamp() / 1_000 + "=" + e.value())).name("out");
        env.execute("kill-nine");
    }

    /** The same events over 10 000 keys, as W1 has. */
    private static Event wide(Event e) {
        return new Event(e.index(), (e.key() * 7_919 + e.index()) % 10_000, e.type(), e.value(), e.timestamp());
    }
}
