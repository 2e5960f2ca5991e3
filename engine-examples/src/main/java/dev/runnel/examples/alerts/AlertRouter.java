package dev.runnel.examples.alerts;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.List;

/**
 * Keyed by rule and severity: delivers an alert to the channels of the first routing rule that
 * matches it, unless an alert of the same rule and severity was delivered less than
 * {@code suppression} before or after it in event time; a suppressed repeat goes to
 * {@link AlertRouting#SUPPRESSED}. Suppression counts from the last delivered alert, so a steady
 * storm is delivered once every {@code suppression}, not silenced forever.
 */
public final class AlertRouter extends KeyedProcessFunction<String, Alert, RoutedAlert> {
    private final List<RoutingRule> rules;
    private final long suppressionMillis;
    private transient ValueState<Long> lastDelivered;
    private transient AlertMetrics delivered;
    private transient AlertMetrics suppressed;

    public AlertRouter(List<RoutingRule> rules, Duration suppression) {
        this.rules = List.copyOf(rules);
        this.suppressionMillis = suppression.toMillis();
    }

    @Override
    public void open(RuntimeContext context) {
        lastDelivered = context.getState(new ValueStateDescriptor<>("last-delivered", Long.class));
        delivered = AlertMetrics.register(context.getMetricGroup());
        suppressed = AlertMetrics.register(context.getMetricGroup(), "alertsSuppressed");
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<RoutedAlert> out) {
        Long last = lastDelivered.value();
        if (last != null && Math.abs(alert.timestamp() - last) < suppressionMillis) {
            ctx.output(AlertRouting.SUPPRESSED, alert);
            suppressed.count(alert.severity());
            return;
        }
        lastDelivered.update(alert.timestamp());
        delivered.count(alert.severity());
        for (RoutingRule rule : rules) {
            if (rule.matcher().matches(alert)) {
                for (Channel channel : Channel.values()) {
                    if (rule.channels().contains(channel)) {
                        out.collect(new RoutedAlert(channel, rule.name(), alert));
                    }
                }
                return;
            }
        }
    }
}
