package dev.runnel.benchmarks;

import java.util.SplittableRandom;

/**
 * The input of every workload, exactly as benchmarks/README.md gives it: one {@link SplittableRandom},
 * four draws per event in a fixed order. Stateful: call {@link #next} in index order.
 */
public final class EventGenerator {
    private final SplittableRandom random;
    private long index;

    public EventGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Event next() {
        Event e = new Event();
        fill(e);
        return e;
    }

    /** Fills {@code e} with the next event (baselines reuse one object). */
    public void fill(Event e) {
        SplittableRandom r = random;
        e.key = r.nextLong(1_000_000);
        e.ts = index + r.nextInt(101);
        e.type = r.nextInt(10);
        e.amount = r.nextInt(1_000_001) / 100.0;
        index++;
    }
}
