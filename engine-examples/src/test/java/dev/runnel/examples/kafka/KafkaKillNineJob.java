package dev.runnel.examples.kafka;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.KillNine;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link KafkaKillNineTest}: the S1 fraud detector from the input topic to the
 * exactly-once sums and alerts topics, checkpointing after every round of source polls and
 * restoring from its checkpoints when there are any; it pauses for the kill where
 * {@link KillNine#pauseAfter} says. Arguments: bootstrap servers, checkpoint dir, record to pause at (-1: none).
 */
public final class KafkaKillNineJob {
    private KafkaKillNineJob() {}

    public static void main(String[] args) throws Exception {
        Path checkpoints = Path.of(args[1]);
        StreamEnvironment env = StreamEnvironment.create();
        CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
        env.enableCheckpointing(Duration.ZERO, storage);
        if (!storage.completedIds().isEmpty()) {
            env.fromCheckpoint(checkpoints);
        }
        FraudPipeline.define(env, args[0], "kill-nine", KillNine.pauseAfter(Long.parseLong(args[2])));
        env.execute("fraud on kafka, killed");
    }
}
