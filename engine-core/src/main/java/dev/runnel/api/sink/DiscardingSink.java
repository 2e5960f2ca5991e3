package dev.runnel.api.sink;

import dev.runnel.api.functions.SinkFunction;

/** Drops every record (Flink's {@code DiscardingSink}): for jobs run for their side effects or timing. */
public final class DiscardingSink<T> implements SinkFunction<T>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void invoke(T value) {}
}
