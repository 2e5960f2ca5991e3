package dev.runnel.api.configuration;

/**
 * Flink 1.20's setting for whether checkpoints outlive the job
 * ({@code CheckpointConfig.setExternalizedCheckpointRetention}); what Runnel does with each value is
 * on {@link dev.runnel.api.CheckpointConfig#setExternalizedCheckpointRetention}.
 */
public enum ExternalizedCheckpointRetention {
    /** Checkpoints are deleted when the job is cancelled, kept when it fails. */
    DELETE_ON_CANCELLATION,
    /** Checkpoints are kept when the job is cancelled, to restore it later. */
    RETAIN_ON_CANCELLATION,
    /** Flink's default: checkpoints are the job's own and go with it. */
    NO_EXTERNALIZED_CHECKPOINTS
}
