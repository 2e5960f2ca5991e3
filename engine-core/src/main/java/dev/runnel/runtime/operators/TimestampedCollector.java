package dev.runnel.runtime.operators;

import dev.runnel.api.functions.Collector;
import dev.runnel.runtime.Output;

/** A reusable {@link Collector} that stamps records with the timestamp of the record being processed. */
public final class TimestampedCollector<T> implements Collector<T> {
    private final Output<T> output;
    private long timestamp = Output.NO_TIMESTAMP;

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        output.collect(record, timestamp);
    }
}
