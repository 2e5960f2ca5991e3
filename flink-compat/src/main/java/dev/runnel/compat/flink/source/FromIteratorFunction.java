package dev.runnel.compat.flink.source;

import dev.runnel.api.functions.SourceFunction;
import java.util.Iterator;

/**
 * Flink's legacy {@code FromIteratorFunction}: emits what an iterator returns until it has no more
 * or the source is cancelled. The iterator must be {@link java.io.Serializable} in Flink; Runnel
 * never serializes it, and does not ask.
 */
public class FromIteratorFunction<T> implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;

    private final Iterator<T> iterator;
    private volatile boolean isRunning = true;

    public FromIteratorFunction(Iterator<T> iterator) {
        this.iterator = iterator;
    }

    @Override
    public void run(SourceContext<T> ctx) {
        while (isRunning && iterator.hasNext()) {
            ctx.collect(iterator.next());
        }
    }

    @Override
    public void cancel() {
        isRunning = false;
    }
}
