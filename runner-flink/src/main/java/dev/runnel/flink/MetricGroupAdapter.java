package dev.runnel.flink;

import dev.runnel.api.metrics.Counter;
import dev.runnel.api.metrics.Gauge;
import dev.runnel.api.metrics.MetricGroup;
import dev.runnel.api.metrics.OperatorMetricGroup;
import java.util.Map;

/**
 * Runnel's metric group over Flink's: a function's counters and gauges become Flink metrics of the operator
 * running it, so Flink's reporters (Prometheus, JMX, the web UI) show them under the same names as Runnel's
 * endpoint does. Runnel's counter object is registered through a Flink counter that delegates to it.
 */
final class MetricGroupAdapter implements OperatorMetricGroup {
    private final org.apache.flink.metrics.MetricGroup flink;

    MetricGroupAdapter(org.apache.flink.metrics.MetricGroup flink) {
        this.flink = flink;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new dev.runnel.api.metrics.SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        flink.counter(name, new org.apache.flink.metrics.Counter() {
            @Override
            public void inc() {
                counter.inc();
            }

            @Override
            public void inc(long n) {
                counter.inc(n);
            }

            @Override
            public void dec() {
                counter.dec();
            }

            @Override
            public void dec(long n) {
                counter.dec(n);
            }

            @Override
            public long getCount() {
                return counter.getCount();
            }
        });
        return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        flink.gauge(name, (org.apache.flink.metrics.Gauge<T>) gauge::getValue);
        return gauge;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return new MetricGroupAdapter(flink.addGroup(name));
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return new MetricGroupAdapter(flink.addGroup(key, value));
    }

    @Override
    public Map<String, String> getAllVariables() {
        return flink.getAllVariables();
    }
}
