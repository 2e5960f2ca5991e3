package dev.runnel.checkpoint;

/** A checkpoint file that cannot be used: truncated, corrupted (checksum mismatch) or of another format version. */
public final class CheckpointFormatException extends Exception {
    public CheckpointFormatException(String message) {
        super(message);
    }
}
