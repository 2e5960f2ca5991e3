package dev.runnel.runtime;

import java.util.function.LongSupplier;

/**
 * A gauge that walks structures the job's thread is changing (maps, tables), read by a monitoring thread
 * without locks so that the job pays nothing. A walk that meets the structure mid-change may throw (a map
 * resized under it, a slot just cleared); the gauge then tries again a few times and otherwise shows its
 * last good value: a monitoring figure a moment old, never an error on the scrape.
 */
public final class RacyGauge implements LongSupplier {
    private static final int ATTEMPTS = 3;
    private final LongSupplier walk;
    private volatile long last;

    public RacyGauge(LongSupplier walk) {
        this.walk = walk;
    }

    @Override
    public long getAsLong() {
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                long value = walk.getAsLong();
                last = value;
                return value;
            } catch (RuntimeException raced) {
                // the job's thread changed the structure during the walk: walk again
            }
        }
        return last;
    }
}
