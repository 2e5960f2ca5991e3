package dev.runnel.api.configuration;

/** Flink's {@code CheckpointingOptions} that ported programs set (see {@link Configuration} for what Runnel does with them). */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    /** "jobmanager" or "filesystem"; Runnel writes checkpoints to files either way. */
    public static final ConfigOption<String> CHECKPOINT_STORAGE = new ConfigOption<>("state.checkpoint-storage", null);

    /** Where {@code enableCheckpointing(interval)} writes checkpoints (default: a temporary directory). */
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = new ConfigOption<>("state.checkpoints.dir", null);

    /** Accepted and ignored: Runnel's checkpoints are always complete. */
    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS = new ConfigOption<>("state.backend.incremental", false);
}
