package dev.runnel.compat.flink.connector.datagen;

import java.util.concurrent.CompletionStage;

/** Flink's {@code RateLimiter}: {@link #acquire()} completes when the next record may be emitted. */
public interface RateLimiter {
    CompletionStage<Void> acquire();

    default void notifyCheckpointComplete(long checkpointId) {}
}
