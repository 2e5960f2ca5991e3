package dev.runnel.checkpoint;

/**
 * A checkpoint file a restore passed over because it cannot be read back intact (truncated,
 * corrupted, of another format version): its id and why. A restore that skips one resumes from an
 * older checkpoint.
 */
public record SkippedCheckpoint(long id, String reason) {
    @Override
    public String toString() {
        return "checkpoint " + id + ": " + reason;
    }
}
