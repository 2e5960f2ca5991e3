package dev.runnel.examples.logs;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.time.Duration;

/**
 * Per user: a view, purchase or download more than {@code limit} after the last successful login
 * raises "Activity after long inactivity" — once per login, not on every later click. A user never
 * seen logging in is not judged (there is nothing to measure from).
 */
public final class InactivityDetector extends KeyedProcessFunction<String, LogEvent, SecurityAlert> {
    private final long limitMillis;
    private transient ValueState<Long> lastLogin;
    private transient ValueState<Boolean> alerted;

    public InactivityDetector(Duration limit) {
        this.limitMillis = limit.toMillis();
    }

    @Override
    public void open(RuntimeContext context) {
        lastLogin = context.getState(new ValueStateDescriptor<>("last-login", Long.class));
        alerted = context.getState(new ValueStateDescriptor<>("alerted-since-login", Boolean.class));
    }

    @Override
    public void processElement(LogEvent event, Context ctx, Collector<SecurityAlert> out) {
        if (event.action().equals(LogEvent.LOGIN_SUCCESS)) {
            Long previous = lastLogin.value();
            if (previous == null || event.timestamp() > previous) {
                lastLogin.update(event.timestamp());
                alerted.update(null);
            }
            return;
        }
        Long login = lastLogin.value();
        if (!event.isActivity() || login == null || alerted.value() != null) {
            return;
        }
        long idle = event.timestamp() - login;
        if (idle > limitMillis) {
            out.collect(new SecurityAlert(event.userId(), SecurityAlert.Type.LONG_INACTIVITY,
                "Activity after long inactivity: " + event.action() + " " + Duration.ofMillis(idle).toHours() + " h after the last login",
                event.timestamp()));
            alerted.update(Boolean.TRUE);
        }
    }
}
