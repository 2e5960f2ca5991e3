package dev.runnel.examples.logs;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.time.Duration;
import org.agrona.collections.LongArrayList;

/**
 * Per user: {@code threshold} {@code login_failed} lines within {@code window} raise
 * "Multiple failed login attempts: N". The count starts again after an alert and after a
 * {@code login_success}. Failures older than the window are forgotten when an event-time timer
 * fires, so a user with a few old failures costs no state.
 */
public final class FailedLoginDetector extends KeyedProcessFunction<String, LogEvent, SecurityAlert> {
    private final int threshold;
    private final long windowMillis;
    private transient ValueState<LongArrayList> failures;

    public FailedLoginDetector(int threshold, Duration window) {
        this.threshold = threshold;
        this.windowMillis = window.toMillis();
    }

    @Override
    public void open(RuntimeContext context) {
        failures = context.getState(new ValueStateDescriptor<>("failed-logins", LongArrayList.class));
    }

    @Override
    public void processElement(LogEvent event, Context ctx, Collector<SecurityAlert> out) {
        if (event.action().equals(LogEvent.LOGIN_SUCCESS)) {
            failures.update(null);
            return;
        }
        if (!event.action().equals(LogEvent.LOGIN_FAILED)) {
            return;
        }
        LongArrayList times = failures.value();
        if (times == null) {
            times = new LongArrayList();
        }
        times.addLong(event.timestamp());
        forgetUpTo(times, event.timestamp() - windowMillis);
        if (times.size() >= threshold) {
            out.collect(new SecurityAlert(event.userId(), SecurityAlert.Type.FAILED_LOGINS,
                "Multiple failed login attempts: " + times.size(), event.timestamp()));
            failures.update(null);
            return;
        }
        failures.update(times);
        ctx.timerService().registerEventTimeTimer(event.timestamp() + windowMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SecurityAlert> out) {
        LongArrayList times = failures.value();
        if (times != null) {
            forgetUpTo(times, timestamp - windowMillis);
            failures.update(times.isEmpty() ? null : times);
        }
    }

    /** Removes failures at or before {@code cutoff}: "within 5 minutes" means less than 5 minutes apart. */
    private static void forgetUpTo(LongArrayList times, long cutoff) {
        for (int i = times.size() - 1; i >= 0; i--) {
            if (times.getLong(i) <= cutoff) {
                times.fastUnorderedRemove(i);
            }
        }
    }
}
