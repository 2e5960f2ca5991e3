package dev.runnel.api.metrics;

/**
 * The counter {@link MetricGroup#counter(String)} makes, as Flink's {@code SimpleCounter}: a plain {@code long}
 * field, not thread-safe. One operator instance's function runs on one thread, so counting costs an
 * increment and nothing more; a monitoring thread reads the field racily (a value a few updates old).
 */
public class SimpleCounter implements Counter {
    private long count;

    @Override
    public void inc() {
        count++;
    }

    @Override
    public void inc(long n) {
        count += n;
    }

    @Override
    public void dec() {
        count--;
    }

    @Override
    public void dec(long n) {
        count -= n;
    }

    @Override
    public long getCount() {
        return count;
    }
}
