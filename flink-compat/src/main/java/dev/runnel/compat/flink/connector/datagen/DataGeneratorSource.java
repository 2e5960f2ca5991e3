package dev.runnel.compat.flink.connector.datagen;

import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.typeinfo.TypeInformation;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Flink's {@code DataGeneratorSource}: the records {@code generatorFunction} makes of the indexes
 * 0 … {@code count − 1}, optionally limited to a rate. {@code count = Long.MAX_VALUE} makes it
 * unbounded (Flink: bounded in principle, endless in practice). Runnel runs a source as one reader,
 * so the function sees reader 0 of 1 and the rate strategy parallelism 1.
 *
 * <p>Runnel's own {@code dev.runnel.api.source.GeneratorSource} is the same idea with a
 * {@code LongFunction}; this class is the shape Flink programs construct. Its position (the next
 * index) is checkpointed, so a job resumes where it stopped, as Flink's does.
 */
public final class DataGeneratorSource<OUT> implements Source<OUT> {
    private final GeneratorFunction<Long, OUT> generatorFunction;
    private final long count;
    private final RateLimiterStrategy rateLimiterStrategy;

    private transient long next;
    private transient RateLimiter rateLimiter;
    private transient CompletableFuture<Void> permit;

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count, TypeInformation<OUT> typeInfo) {
        this(generatorFunction, count, null, typeInfo);
    }

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count,
                               RateLimiterStrategy rateLimiterStrategy, TypeInformation<OUT> typeInfo) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        this.generatorFunction = Objects.requireNonNull(generatorFunction, "generatorFunction");
        this.count = count;
        this.rateLimiterStrategy = rateLimiterStrategy;
    }

    @Override
    public boolean isBounded() {
        return count != Long.MAX_VALUE;
    }

    @Override
    public void open(SourceContext context) throws Exception {
        next = 0;
        rateLimiter = rateLimiterStrategy == null ? null : rateLimiterStrategy.createRateLimiter(1);
        generatorFunction.open(new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return 0;
            }

            @Override
            public int currentParallelism() {
                return 1;
            }
        });
    }

    @Override
    public SourceStatus poll(SourceOutput<OUT> output, int maxRecords) throws Exception {
        int emitted = 0;
        while (emitted < maxRecords && next < count) {
            if (rateLimiter != null) {
                if (permit == null) {
                    permit = rateLimiter.acquire().toCompletableFuture();
                }
                if (!permit.isDone()) {
                    return SourceStatus.NOTHING_AVAILABLE;
                }
                permit = null;
            }
            output.collect(generatorFunction.map(next++));
            emitted++;
        }
        return next < count ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
    }

    @Override
    public void close() throws Exception {
        generatorFunction.close();
    }

    @Override
    public long position() {
        return next;
    }

    @Override
    public void restorePosition(long position) {
        next = position;
    }
}
