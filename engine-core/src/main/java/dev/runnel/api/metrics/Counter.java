package dev.runnel.api.metrics;

/**
 * A count, as Flink's {@code org.apache.flink.metrics.Counter}. Updated by the function's own thread;
 * monitoring reads it from another (see {@link OperatorMetricsView} for what such a read sees).
 */
public interface Counter extends Metric {
    void inc();

    void inc(long n);

    void dec();

    void dec(long n);

    long getCount();
}
