package dev.runnel.api;

import dev.runnel.api.configuration.CheckpointingOptions;
import dev.runnel.api.configuration.Configuration;
import dev.runnel.api.configuration.ExternalizedCheckpointRetention;
import dev.runnel.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;

/**
 * A job's checkpoint settings, under Flink's name ({@code env.getCheckpointConfig()}): the interval,
 * where checkpoints go, how many failures in a row are tolerated and the pause between two
 * checkpoints. Flink's settings that have no meaning in one process are accepted and kept, so that
 * ported programs run: each setter says what Runnel does with its value (docs/porting.md lists them).
 * A value Runnel cannot honour fails the job when it starts, with one line.
 */
public final class CheckpointConfig {
    /** Flink's defaults, returned by the getters until set. */
    public static final long DEFAULT_TIMEOUT = 10 * 60 * 1000L;
    public static final long DEFAULT_MIN_PAUSE_BETWEEN_CHECKPOINTS = 0;
    public static final int DEFAULT_MAX_CONCURRENT_CHECKPOINTS = 1;

    /** Flink's older name for {@link ExternalizedCheckpointRetention}, nested here as in Flink. */
    @Deprecated
    public enum ExternalizedCheckpointCleanup {
        DELETE_ON_CANCELLATION, RETAIN_ON_CANCELLATION, NO_EXTERNALIZED_CHECKPOINTS;

        public boolean deleteOnCancellation() {
            return this == DELETE_ON_CANCELLATION;
        }
    }

    /** Negative: checkpointing is off. */
    private long intervalNanos = -1;
    /** Given with {@link StreamEnvironment#enableCheckpointing(Duration, CheckpointStorage)}; wins over {@link #directory}. */
    private CheckpointStorage storage;
    /** Named by {@link #setCheckpointStorage(String)} or {@code state.checkpoints.dir}; null: a temporary directory. */
    private Path directory;
    /** The storage in {@link #directory} or the temporary one, made when first asked for. */
    private CheckpointStorage resolved;
    private int tolerableFailures = Integer.MAX_VALUE;
    private long minPauseMillis = DEFAULT_MIN_PAUSE_BETWEEN_CHECKPOINTS;
    private long timeoutMillis = DEFAULT_TIMEOUT;
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT_CHECKPOINTS;
    private CheckpointingMode mode = CheckpointingMode.EXACTLY_ONCE;
    private ExternalizedCheckpointRetention retention = ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
    private boolean unaligned;

    CheckpointConfig() {}

    /** Applies {@code state.checkpoint-storage} (checked) and {@code state.checkpoints.dir}, as Flink's {@code configure} does. */
    void configure(Configuration configuration) {
        String kind = configuration.get(CheckpointingOptions.CHECKPOINT_STORAGE);
        if (kind != null && !kind.equalsIgnoreCase("jobmanager") && !kind.equalsIgnoreCase("filesystem")) {
            throw new IllegalArgumentException("Unknown checkpoint storage '" + kind + "': use 'jobmanager' or 'filesystem'");
        }
        String dir = configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        if (dir != null) {
            setCheckpointStorage(dir);
        }
    }

    void enable(Duration interval, CheckpointStorage storage) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        if (interval.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("interval must be at most " + Duration.ofNanos(Long.MAX_VALUE) + ", got " + interval);
        }
        this.storage = Objects.requireNonNull(storage, "storage");
        this.intervalNanos = interval.toNanos();
    }

    public boolean isCheckpointingEnabled() {
        return intervalNanos >= 0;
    }

    public void disableCheckpointing() {
        intervalNanos = -1;
    }

    /** The interval in milliseconds, or -1 when checkpointing is off (as Flink). */
    public long getCheckpointInterval() {
        return intervalNanos < 0 ? -1 : Duration.ofNanos(intervalNanos).toMillis();
    }

    /**
     * Turns checkpointing on with a checkpoint every {@code intervalMillis}, into the storage set with
     * {@link #setCheckpointStorage(String)} or else a temporary directory (see
     * {@link StreamEnvironment#enableCheckpointing(long)}).
     */
    public void setCheckpointInterval(long intervalMillis) {
        if (intervalMillis <= 0) {
            throw new IllegalArgumentException("Checkpoint interval must be positive, got " + intervalMillis + " ms");
        }
        this.intervalNanos = Duration.ofMillis(intervalMillis).toNanos();
    }

    /** The interval, or null when checkpointing is off. */
    Duration interval() {
        return intervalNanos < 0 ? null : Duration.ofNanos(intervalNanos);
    }

    /**
     * Where checkpoints go: a local directory, as a path or a {@code file:} URI. Runnel keeps the newest
     * checkpoint there (Flink's {@code state.checkpoints.num-retained} default), after the job too, so
     * a later run can {@link StreamEnvironment#fromCheckpoint restore} it. Other file systems
     * ({@code hdfs:}, {@code s3:}) are refused.
     */
    public void setCheckpointStorage(String checkpointDirectory) {
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        if (checkpointDirectory.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) { // a URI (a one-letter scheme is a drive)
            setCheckpointStorage(URI.create(checkpointDirectory));
        } else {
            setCheckpointStorage(Path.of(checkpointDirectory));
        }
    }

    /** As {@link #setCheckpointStorage(String)}. */
    public void setCheckpointStorage(URI checkpointDirectory) {
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        if (checkpointDirectory.getScheme() != null && !checkpointDirectory.getScheme().equals("file")) {
            throw new IllegalArgumentException("Checkpoint storage '" + checkpointDirectory + "' is not a local directory: Runnel "
                + "writes checkpoints to local files only (use a path or a file: URI)");
        }
        setCheckpointStorage(checkpointDirectory.getScheme() == null ? Path.of(checkpointDirectory.getPath()) : Path.of(checkpointDirectory));
    }

    /** As {@link #setCheckpointStorage(String)}. */
    public void setCheckpointStorage(Path checkpointDirectory) {
        this.directory = Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        this.storage = null;
        this.resolved = null;
    }

    /** Runnel's form: checkpoints go to {@code storage} (its directory, keeping its number of checkpoints). */
    public void setCheckpointStorage(CheckpointStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * Where checkpoints go, or null when checkpointing is off. Without a storage or directory set, the
     * first call makes a new directory {@code runnel-checkpoints-*} under {@code java.io.tmpdir},
     * deleted when the JVM exits (like Flink's default in-memory storage, it does not outlive the
     * process).
     */
    public CheckpointStorage getCheckpointStorage() {
        if (!isCheckpointingEnabled()) {
            return null;
        }
        if (storage != null) {
            return storage;
        }
        if (resolved == null) {
            resolved = new CheckpointStorage(directory != null ? directory : temporaryDirectory(), 1);
        }
        return resolved;
    }

    private static Path temporaryDirectory() {
        Path directory;
        try {
            directory = Files.createTempDirectory("runnel-checkpoints-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a checkpoint directory under java.io.tmpdir", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory), "delete " + directory));
        return directory;
    }

    private static void deleteTree(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit: the directory is in java.io.tmpdir
        }
    }

    /** How many checkpoints in a row may fail before the job fails (Runnel's default: unlimited, failures are logged). */
    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException("The tolerable failure checkpoint number must be non-negative, got "
                + tolerableCheckpointFailureNumber);
        }
        this.tolerableFailures = tolerableCheckpointFailureNumber;
    }

    public int getTolerableCheckpointFailureNumber() {
        return tolerableFailures;
    }

    /** The next checkpoint starts at least {@code minPauseMillis} after the previous one ended (completed or failed). */
    public void setMinPauseBetweenCheckpoints(long minPauseMillis) {
        if (minPauseMillis < 0) {
            throw new IllegalArgumentException("Pause value must be zero or positive, got " + minPauseMillis);
        }
        this.minPauseMillis = minPauseMillis;
    }

    public long getMinPauseBetweenCheckpoints() {
        return minPauseMillis;
    }

    /**
     * Accepted and kept, with Flink's check. Runnel does not abort a slow checkpoint: in one process no
     * barrier or acknowledgement can be lost on the way, so a checkpoint completes or fails with a task.
     */
    public void setCheckpointTimeout(long timeoutMillis) {
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("Checkpoint timeout must be positive, got " + timeoutMillis + " ms");
        }
        this.timeoutMillis = timeoutMillis;
    }

    public long getCheckpointTimeout() {
        return timeoutMillis;
    }

    /** Accepted: Runnel takes one checkpoint at a time, which any maximum allows. */
    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException("The maximum number of concurrent attempts must be at least one, got " + maxConcurrentCheckpoints);
        }
        this.maxConcurrent = maxConcurrentCheckpoints;
    }

    public int getMaxConcurrentCheckpoints() {
        return maxConcurrent;
    }

    /** Accepted, see {@link CheckpointingMode}: Runnel's checkpoints are exactly-once whatever is set. */
    public void setCheckpointingMode(CheckpointingMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** Flink 1.20's name for {@link #setCheckpointingMode}. */
    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        setCheckpointingMode(mode);
    }

    public CheckpointingMode getCheckpointingMode() {
        return mode;
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return mode;
    }

    /**
     * Accepted: Runnel's checkpoints are aligned. Flink's unaligned checkpoints let barriers overtake
     * records under back-pressure; they give the same exactly-once state, so the program's output
     * does not change, only how fast a checkpoint gets through a back-pressured job.
     */
    public void enableUnalignedCheckpoints(boolean enabled) {
        this.unaligned = enabled;
    }

    public void enableUnalignedCheckpoints() {
        enableUnalignedCheckpoints(true);
    }

    public boolean isUnalignedCheckpointsEnabled() {
        return unaligned;
    }

    /**
     * Whether checkpoints outlive the job. Runnel keeps the newest checkpoint in a directory the program
     * named ({@link #setCheckpointStorage(String)}, {@code state.checkpoints.dir} or a
     * {@link CheckpointStorage}) whatever the value, so that {@link StreamEnvironment#fromCheckpoint}
     * can restore it; the default temporary directory is deleted when the JVM exits. So
     * {@code RETAIN_ON_CANCELLATION} without such a directory cannot be honoured and fails the job when
     * it starts; the other values are accepted (a named directory is not cleaned up on cancellation).
     */
    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return retention;
    }

    /** Flink's deprecated form of {@link #setExternalizedCheckpointRetention}. */
    @Deprecated
    public void setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup cleanup) {
        setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.valueOf(cleanup.name()));
    }

    /** Flink's deprecated form of {@link #setExternalizedCheckpointRetention}. */
    @Deprecated
    public void enableExternalizedCheckpoints(ExternalizedCheckpointCleanup cleanup) {
        setExternalizedCheckpointCleanup(cleanup);
    }

    public boolean isExternalizedCheckpointsEnabled() {
        return retention != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
    }

    /** Fails, with one line, when the settings ask for what Runnel cannot do; called when a job starts. */
    void validate() {
        if (isCheckpointingEnabled() && retention == ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION
                && storage == null && directory == null) {
            throw new IllegalStateException("RETAIN_ON_CANCELLATION needs a checkpoint directory that outlives the process: "
                + "call getCheckpointConfig().setCheckpointStorage(\"file:///...\") (the default directory is deleted when the JVM exits)");
        }
    }
}
