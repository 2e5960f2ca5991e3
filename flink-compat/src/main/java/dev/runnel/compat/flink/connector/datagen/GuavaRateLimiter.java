package dev.runnel.compat.flink.connector.datagen;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Flink's {@code GuavaRateLimiter} (named after the Guava limiter Flink wraps; Runnel needs no Guava):
 * evenly spaced permits, {@code permitsPerSecond} a second. A permit that is not due yet completes
 * later instead of blocking the source's thread.
 */
public final class GuavaRateLimiter implements RateLimiter {
    private final long intervalNanos;
    private long nextFreeNanos = Long.MIN_VALUE;

    public GuavaRateLimiter(double permitsPerSecond) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive, got " + permitsPerSecond);
        }
        this.intervalNanos = Math.max(1, (long) (1_000_000_000L / permitsPerSecond));
    }

    @Override
    public synchronized CompletionStage<Void> acquire() {
        long now = System.nanoTime();
        if (nextFreeNanos == Long.MIN_VALUE || now - nextFreeNanos >= 0) {
            nextFreeNanos = now + intervalNanos;
            return CompletableFuture.completedFuture(null);
        }
        long wait = nextFreeNanos - now;
        nextFreeNanos += intervalNanos;
        return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
    }
}
