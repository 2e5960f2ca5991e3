package dev.runnel.api.source;

import dev.runnel.api.time.Clock;
import java.util.function.LongFunction;

/**
 * Records produced by a function of their index 0, 1, 2, ... — bounded to a count or unbounded, and
 * optionally limited to a rate (records per second of the job's clock). The function is called in
 * index order from one thread, so it may keep state (e.g. a random generator). Position: the index.
 * A job restored from a checkpoint continues at that index with a fresh function, so for output
 * equal to an uninterrupted run's the function must depend on the index alone.
 */
public final class GeneratorSource<T> implements Source<T> {
    private final long count;
    private final LongFunction<T> generator;
    private final double ratePerSecond;
    private long next;
    private Clock clock;
    private long startMillis;

    private GeneratorSource(long count, LongFunction<T> generator, double ratePerSecond) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        if (ratePerSecond <= 0 && ratePerSecond != -1) {
            throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
        }
        this.count = count;
        this.generator = generator;
        this.ratePerSecond = ratePerSecond;
    }

    public static <T> GeneratorSource<T> bounded(long count, LongFunction<T> generator) {
        return new GeneratorSource<>(count, generator, -1);
    }

    public static <T> GeneratorSource<T> unbounded(LongFunction<T> generator) {
        return new GeneratorSource<>(Long.MAX_VALUE, generator, -1);
    }

    /** The same source, emitting at most {@code recordsPerSecond} on average. */
    public GeneratorSource<T> withRate(double recordsPerSecond) {
        return new GeneratorSource<>(count, generator, recordsPerSecond);
    }

    @Override
    public boolean isBounded() {
        return count != Long.MAX_VALUE;
    }

    @Override
    public void open(SourceContext context) {
        next = 0; // every execution starts at index 0; a restore then moves to the checkpoint's index
        clock = context.clock();
        startMillis = clock.millis();
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) {
        long limit = Math.min(count, next + maxRecords);
        if (ratePerSecond > 0) {
            long allowed = (long) ((clock.millis() - startMillis) * ratePerSecond / 1000.0) + 1;
            limit = Math.min(limit, allowed);
            if (limit <= next) {
                return SourceStatus.NOTHING_AVAILABLE;
            }
        }
        LongFunction<T> g = generator;
        for (long i = next; i < limit; i++) {
            output.collect(g.apply(i));
        }
        next = limit;
        return next < count ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
    }

    @Override
    public long position() {
        return next;
    }

    /** Continues with record {@code position}; a rate limit carries on as if that many had been emitted at the rate. */
    @Override
    public void restorePosition(long position) {
        next = position;
        if (clock != null && ratePerSecond > 0) {
            startMillis = clock.millis() - (long) (position * 1000.0 / ratePerSecond);
        }
    }
}
