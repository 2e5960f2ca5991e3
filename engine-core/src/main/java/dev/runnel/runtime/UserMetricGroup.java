package dev.runnel.runtime;

import dev.runnel.api.metrics.Counter;
import dev.runnel.api.metrics.Gauge;
import dev.runnel.api.metrics.Metric;
import dev.runnel.api.metrics.MetricGroup;
import dev.runnel.api.metrics.OperatorMetricGroup;
import dev.runnel.api.metrics.RegisteredMetric;
import dev.runnel.api.metrics.SimpleCounter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metric group user functions get from {@code getRuntimeContext().getMetricGroup()}: it registers into
 * the operator instance's {@link OperatorMetrics}, where monitoring finds them. A subgroup is a name prefix
 * or a label, never a copy of the metrics.
 */
final class UserMetricGroup implements OperatorMetricGroup {
    /** Labels the exporter sets itself; a user label of the same name would be ambiguous. */
    private static final Set<String> RESERVED_LABELS = Set.of("job", "operator", "subtask");

    private final OperatorMetrics owner;
    private final String prefix;
    private final Map<String, String> labels;

    UserMetricGroup(OperatorMetrics owner) {
        this(owner, "", Map.of());
    }

    private UserMetricGroup(OperatorMetrics owner, String prefix, Map<String, String> labels) {
        this.owner = owner;
        this.prefix = prefix;
        this.labels = labels;
    }

    @Override
    public Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return register(name, counter);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return register(name, gauge);
    }

    @Override
    public MetricGroup addGroup(String name) {
        check("Metric group name", name);
        return new UserMetricGroup(owner, prefix + name + "_", labels);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        check("Metric group key", key);
        if (RESERVED_LABELS.contains(key)) {
            throw new IllegalArgumentException("Metric group key '" + key + "' in operator '" + owner.operatorName()
                + "' is reserved (the exporter sets job, operator and subtask); choose another key");
        }
        if (value == null) {
            throw new IllegalArgumentException("Metric group '" + key + "' in operator '" + owner.operatorName() + "' has a null value");
        }
        Map<String, String> more = new TreeMap<>(labels);
        more.put(key, value);
        return new UserMetricGroup(owner, prefix, Map.copyOf(more));
    }

    @Override
    public Map<String, String> getAllVariables() {
        Map<String, String> all = new TreeMap<>(labels);
        all.put("operator", owner.operatorName());
        all.put("subtask", Integer.toString(owner.subtask()));
        return all;
    }

    @SuppressWarnings("unchecked")
    private <M extends Metric> M register(String name, M metric) {
        check("Metric name", name);
        if (metric == null) {
            throw new IllegalArgumentException("Metric '" + name + "' in operator '" + owner.operatorName() + "' is null");
        }
        RegisteredMetric known = owner.registerUserMetric(new RegisteredMetric(prefix + name, labels, metric));
        if (known.metric().getClass() != metric.getClass()) {
            throw new IllegalArgumentException("Metric '" + prefix + name + "' " + labels + " in operator '" + owner.operatorName()
                + "' is already registered as a " + known.metric().getClass().getSimpleName());
        }
        return (M) known.metric();
    }

    private void check(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " in operator '" + owner.operatorName() + "' must not be empty");
        }
    }
}
