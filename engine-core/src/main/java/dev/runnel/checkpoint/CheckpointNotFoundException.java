package dev.runnel.checkpoint;

import java.nio.file.Path;
import java.util.List;

/**
 * A job was told to restore ({@code StreamEnvironment.fromCheckpoint(dir)}) but the directory holds
 * no checkpoint it can resume from: it does not exist, is empty, or every checkpoint file in it is
 * damaged. Thrown when the job is started, before anything runs. It is an
 * {@link IllegalStateException}, the type Runnel throws for a job that cannot start as configured.
 */
public final class CheckpointNotFoundException extends IllegalStateException {
    private final Path directory;
    private final List<SkippedCheckpoint> skipped;

    public CheckpointNotFoundException(Path directory, List<SkippedCheckpoint> skipped) {
        super(message(directory, skipped));
        this.directory = directory;
        this.skipped = List.copyOf(skipped);
    }

    /** The directory that was searched. */
    public Path directory() {
        return directory;
    }

    /** The checkpoint files found there and why none could be used; empty when there were none. */
    public List<SkippedCheckpoint> skipped() {
        return skipped;
    }

    private static String message(Path directory, List<SkippedCheckpoint> skipped) {
        if (skipped.isEmpty()) {
            return "Cannot restore: there is no checkpoint in " + directory
                + ". fromCheckpoint(dir) needs the directory that a job's enableCheckpointing(..., new CheckpointStorage(dir, n))"
                + " wrote checkpoints to; to start without state, leave fromCheckpoint out.";
        }
        return "Cannot restore: none of the " + skipped.size() + " checkpoint file(s) in " + directory
            + " can be read back intact (" + String.join("; ", skipped.stream().map(SkippedCheckpoint::toString).toList())
            + "). To start without state, leave fromCheckpoint out and give exactly-once sinks a new output directory:"
            + " the old one holds output committed by the earlier run, which a fresh start would write again.";
    }
}
