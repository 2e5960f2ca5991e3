package dev.runnel.examples.frauddetector;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.examples.alerts.AlertMetrics;
import dev.runnel.examples.alerts.Severity;
import java.time.Duration;

/**
 * Alerts when an account has had no transaction for {@code silence} of event time. Each
 * transaction moves the account's event-time timer to {@code lastSeen + silence}; when the
 * watermark passes it, the account has been silent that long. The end of a file is not silence:
 * the final watermark ({@code Long.MAX_VALUE}) fires every pending timer, and those firings are
 * ignored.
 */
final class SilenceDetector extends KeyedProcessFunction<String, Transaction, SilentAccount> {
    /** S1 reports these as LOW alerts in the {@code alerts} metric. */
    private transient AlertMetrics alerts;
    private final long silenceMillis;
    private transient ValueState<Long> lastSeen;

    SilenceDetector(Duration silence) {
        this.silenceMillis = silence.toMillis();
    }

    @Override
    public void open(RuntimeContext context) {
        alerts = AlertMetrics.register(context.getMetricGroup());
        lastSeen = context.getState(new ValueStateDescriptor<>("last-seen", Long.class));
    }

    @Override
    public void processElement(Transaction tx, Context ctx, Collector<SilentAccount> out) {
        Long previous = lastSeen.value();
        if (previous != null && tx.timestamp() <= previous) {
            return;   // an older transaction arriving out of order does not move the deadline
        }
        if (previous != null) {
            ctx.timerService().deleteEventTimeTimer(previous + silenceMillis);
        }
        lastSeen.update(tx.timestamp());
        ctx.timerService().registerEventTimeTimer(tx.timestamp() + silenceMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SilentAccount> out) {
        Long seen = lastSeen.value();
        lastSeen.update(null);
        if (seen != null && ctx.timerService().currentWatermark() != Long.MAX_VALUE) {
            alerts.count(Severity.LOW);
            out.collect(new SilentAccount(ctx.getCurrentKey(), seen, Duration.ofMillis(silenceMillis)));
        }
    }
}
