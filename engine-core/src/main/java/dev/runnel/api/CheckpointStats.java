package dev.runnel.api;

import dev.runnel.checkpoint.SkippedCheckpoint;
import java.util.List;

/**
 * What checkpointing did in a job: how many checkpoints completed and failed, the newest completed
 * one (-1 if none) with its duration (from the start at the sources to the file on disk) and size,
 * and the state a restore found no operator or source for. For a restored job also the checkpoint
 * it resumed from ({@code restoredCheckpointId}, -1 when it started without one) and the newer
 * checkpoint files the restore skipped because they were damaged ({@code skippedCheckpoints},
 * newest first): when that list is not empty the job fell back to an older checkpoint, and
 * exactly-once sinks rolled back what they had committed after it.
 */
public record CheckpointStats(long completed, long failed, long lastCompletedId, long lastDurationMillis,
                              long lastSizeBytes, List<String> unmatchedRestoredState,
                              long restoredCheckpointId, List<SkippedCheckpoint> skippedCheckpoints) {
    public static final CheckpointStats NONE = new CheckpointStats(0, 0, -1, 0, 0, List.of(), -1, List.of());

    public CheckpointStats {
        unmatchedRestoredState = List.copyOf(unmatchedRestoredState);
        skippedCheckpoints = List.copyOf(skippedCheckpoints);
    }

    /** Whether the restore resumed from an older checkpoint than the newest file in its directory. */
    public boolean restoreFellBack() {
        return !skippedCheckpoints.isEmpty();
    }
}
