package dev.runnel.compat.flink.connector.datagen;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/** Flink's {@code RateLimiterStrategy}: makes each source reader's {@link RateLimiter}, given the source's parallelism. */
@FunctionalInterface
public interface RateLimiterStrategy extends Serializable {

    RateLimiter createRateLimiter(int parallelism);

    /** At most {@code recordsPerSecond} over all readers of the source. */
    static RateLimiterStrategy perSecond(double recordsPerSecond) {
        return parallelism -> new GuavaRateLimiter(recordsPerSecond / parallelism);
    }

    /** No limit. */
    static RateLimiterStrategy noOp() {
        return parallelism -> () -> CompletableFuture.completedFuture(null);
    }
}
