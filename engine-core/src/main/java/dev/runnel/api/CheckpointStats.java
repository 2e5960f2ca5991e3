package dev.runnel.api;

import java.util.List;

/**
 * What checkpointing did in a job: how many checkpoints completed and failed, the newest completed
 * one (-1 if none) with its duration (from the start at the sources to the file on disk) and size,
 * and the state a restore found no operator or source for.
 */
public record CheckpointStats(long completed, long failed, long lastCompletedId, long lastDurationMillis,
                              long lastSizeBytes, List<String> unmatchedRestoredState) {
    public static final CheckpointStats NONE = new CheckpointStats(0, 0, -1, 0, 0, List.of());
}
