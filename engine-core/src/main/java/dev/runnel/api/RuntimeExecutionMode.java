package dev.runnel.api;

/**
 * Flink's execution modes. Runnel runs every job as a stream ({@link #STREAMING}); the other two are
 * refused by {@link StreamEnvironment#setRuntimeMode}, because Flink's batch execution gives different
 * output for the same program (a keyed {@code reduce} emits only its final value per key, windows and
 * timers fire once at the end), and Runnel would silently print the streaming result instead.
 */
public enum RuntimeExecutionMode {
    STREAMING,
    BATCH,
    AUTOMATIC
}
