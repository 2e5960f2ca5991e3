package dev.runnel.examples.cli;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The checkpoint options of a run: {@code --checkpoint-dir DIR} (with {@code --checkpoint-interval})
 * takes checkpoints, {@code --restore DIR} resumes from the newest valid one. A restore directory is
 * checked before the job is built, so a typo is a one-line usage error rather than a failed job.
 */
public final class RunCheckpoints {
    /** Checkpoints kept in the directory: the newest, and two to fall back on if it is damaged. */
    public static final int RETAINED = 3;
    public static final String DEFAULT_INTERVAL = "10s";

    private final Path directory;
    private final Duration interval;
    private final Path restore;

    private RunCheckpoints(Path directory, Duration interval, Path restore) {
        this.directory = directory;
        this.interval = interval;
        this.restore = restore;
    }

    /** Reads and checks the checkpoint options of {@code args}. */
    public static RunCheckpoints from(Args args) {
        if (args.has("checkpoint-interval") && !args.has("checkpoint-dir")) {
            throw new UsageException("--checkpoint-interval needs --checkpoint-dir DIR");
        }
        Path directory = args.has("checkpoint-dir") ? Path.of(args.string("checkpoint-dir", null)) : null;
        if (directory != null && Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UsageException("--checkpoint-dir " + directory + " is a file, not a directory");
        }
        Duration interval = args.duration("checkpoint-interval", Values.duration("checkpoint-interval", DEFAULT_INTERVAL));
        Path restore = args.has("restore") ? Path.of(args.string("restore", null)) : null;
        if (restore != null) {
            checkRestorable(restore);
        }
        return new RunCheckpoints(directory, interval, restore);
    }

    private static void checkRestorable(Path restore) {
        if (!Files.isDirectory(restore)) {
            throw new UsageException("--restore " + restore + ": no such directory");
        }
        CheckpointStorage.Restored found;
        try {
            found = new CheckpointStorage(restore, 1).latest();
        } catch (IOException e) {
            throw new UsageException("--restore " + restore + ": cannot read it: " + e.getMessage());
        }
        if (found.checkpoint().isEmpty()) {
            throw new UsageException("--restore " + restore + ": no valid checkpoint in it"
                + (found.skipped().isEmpty() ? "" : "; skipped: " + found.skipped()));
        }
    }

    public boolean enabled() {
        return directory != null;
    }

    /** Enables checkpointing and the restore on {@code env}, as the options ask. */
    public void configure(StreamEnvironment env) {
        if (directory != null) {
            // a run the user asked to checkpoint fails rather than go on without checkpoints
            env.enableCheckpointing(interval, new CheckpointStorage(directory, RETAINED)).setTolerableCheckpointFailures(0);
        }
        if (restore != null) {
            env.fromCheckpoint(restore);
        }
    }
}
