package dev.runnel.api;

/**
 * Flink's checkpointing guarantee, for {@code enableCheckpointing(interval, mode)} and
 * {@link CheckpointConfig#setCheckpointingMode}. Runnel's checkpoints are always aligned and
 * exactly-once; {@link #AT_LEAST_ONCE} is accepted because an exactly-once checkpoint also gives
 * at-least-once (Flink's at-least-once mode is a cheaper way to the weaker guarantee, not other output).
 */
public enum CheckpointingMode {
    /** Every record affects state once after a restore: how Runnel checkpoints. */
    EXACTLY_ONCE,
    /** Records may affect state again after a restore; Runnel gives exactly-once instead, which satisfies it. */
    AT_LEAST_ONCE
}
