package dev.runnel.examples.cepfraud;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.examples.common.Geo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;

/**
 * Per user: two consecutive logins whose implied speed (haversine distance over the time between
 * them) exceeds {@code maxSpeedKmh} raise GEOGRAPHICAL_IMPOSSIBILITY. A keyed process function, not a
 * pattern: the rule compares each login with the one before, which is state, not a sequence to match.
 *
 * <p>"Consecutive" is in event time: logins wait in state until the watermark passes them (an
 * event-time timer at their timestamp) and are then compared in timestamp order, so rows that
 * arrive out of order within the watermark bound are judged as if they had come in order.
 *
 * <p>Logins less than {@code minDistanceKm} apart are never judged: IP and device geolocation is
 * only good to tens of kilometres, and two logins ten seconds apart from the same city would
 * otherwise look supersonic.
 */
public final class ImpossibleTravelDetector extends KeyedProcessFunction<String, UserEvent, FraudAlert> {
    private final double maxSpeedKmh;
    private final double minDistanceKm;
    private transient ValueState<UserEvent> lastLogin;
    private transient ValueState<ArrayList<UserEvent>> pending;

    public ImpossibleTravelDetector(double maxSpeedKmh, double minDistanceKm) {
        this.maxSpeedKmh = maxSpeedKmh;
        this.minDistanceKm = minDistanceKm;
    }

    @Override
    public void open(RuntimeContext context) {
        lastLogin = context.getState(new ValueStateDescriptor<>("last-login", UserEvent.class));
        pending = context.getState(new ValueStateDescriptor<>("logins-waiting-for-watermark", loginList()));
    }

    @Override
    public void processElement(UserEvent event, Context ctx, Collector<FraudAlert> out) {
        if (!event.isLogin() || !event.hasLocation()) {
            return;
        }
        ArrayList<UserEvent> waiting = pending.value();
        if (waiting == null) {
            waiting = new ArrayList<>(2);
        }
        waiting.add(event);
        pending.update(waiting);
        ctx.timerService().registerEventTimeTimer(event.timestamp());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FraudAlert> out) {
        ArrayList<UserEvent> waiting = pending.value();
        if (waiting == null) {
            return;
        }
        // stable sort: logins with equal timestamps keep their arrival order
        waiting.sort(Comparator.comparingLong(UserEvent::timestamp));
        int due = 0;
        while (due < waiting.size() && waiting.get(due).timestamp() <= timestamp) {
            judge(waiting.get(due), out);
            due++;
        }
        waiting.subList(0, due).clear();
        pending.update(waiting.isEmpty() ? null : waiting);
    }

    private void judge(UserEvent login, Collector<FraudAlert> out) {
        UserEvent previous = lastLogin.value();
        lastLogin.update(login);
        if (previous == null) {
            return;
        }
        double km = Geo.distanceKm(previous.latitude(), previous.longitude(), login.latitude(), login.longitude());
        if (km < minDistanceKm) {
            return;
        }
        double hours = (login.timestamp() - previous.timestamp()) / 3_600_000.0;
        double speed = hours == 0 ? Double.POSITIVE_INFINITY : km / hours;
        if (speed > maxSpeedKmh) {
            String message = String.format(Locale.ROOT, "login %.0f km from the previous one, %.2f h later: %s",
                km, hours, hours == 0 ? "at the same time" : String.format(Locale.ROOT, "%.0f km/h", speed));
            out.collect(FraudAlert.of(login.userId(), FraudAlert.Type.GEOGRAPHICAL_IMPOSSIBILITY, message, login.timestamp()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<ArrayList<UserEvent>> loginList() {
        return (Class<ArrayList<UserEvent>>) (Class<?>) ArrayList.class;
    }
}
