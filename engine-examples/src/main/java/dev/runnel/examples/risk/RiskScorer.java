package dev.runnel.examples.risk;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Scores each transaction of one user against what the user did before (keyed by user id):
 * <ul>
 * <li>velocity: same-type transactions in the last 5 min / 15 min / 1 h (including this one);
 *     fires when a count reaches its threshold, factor {@code min(count / threshold * 0.5, 1)};
 * <li>location: more than 100 km from every place seen before, factor {@code min(km / 1000, 1)};
 * <li>amount: more than 3 standard deviations above the running mean, factor {@code min(z / 5, 1)};
 * <li>habit: an hour of day never seen (0.3), a type never seen (0.4);
 * <li>time: 02:00-06:59 (0.2), a weekend without weekend history (0.3).
 * </ul>
 * Rules that compare with the user's habits (habit, weekend) wait for {@value #MIN_HISTORY}
 * transactions of history, the amount rule for {@value #AMOUNT_MIN_HISTORY}, so that a new user's
 * first payments are not "unusual". HIGH and CRITICAL assessments also go to {@link RiskEngine#ALERTS} at once.
 * Transactions are scored in arrival order; the watermark only drives the expiry of velocity counts.
 */
public final class RiskScorer extends KeyedProcessFunction<String, RiskTransaction, ScoredTransaction> {
    static final int MIN_HISTORY = 5;
    /** The amount rule waits longer: the standard deviation of a few amounts is too unsteady to judge by
     * (with ten, a clean user's own largest payment too often scores a z above 3). */
    static final int AMOUNT_MIN_HISTORY = 20;
    private static final double FAR_KM = 100;
    private static final double Z_LIMIT = 3;

    private final ZoneId zone;
    private transient ValueState<UserProfile> profile;

    public RiskScorer(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void open(RuntimeContext context) {
        profile = context.getState(new ValueStateDescriptor<>("profile", UserProfile.class));
    }

    @Override
    public void processElement(RiskTransaction tx, Context ctx, Collector<ScoredTransaction> out) {
        UserProfile user = profile.value();
        if (user == null) {
            user = new UserProfile();
        }
        ZonedDateTime time = Instant.ofEpochMilli(tx.timestamp()).atZone(zone);
        double nearestKm = user.nearestPlaceKm(tx.latitude(), tx.longitude());
        RiskFactors factors = new RiskFactors();
        velocity(user, tx, factors);
        location(nearestKm, factors);
        amount(user, tx, factors);
        habitAndTime(user, tx, time, factors);
        user.record(tx, time, nearestKm);
        profile.update(user);
        ctx.timerService().registerEventTimeTimer(VelocityWindows.expiryTimer(tx.timestamp()));

        RiskAssessment assessment = factors.assess(tx);
        out.collect(new ScoredTransaction(tx, assessment));
        if (assessment.level().isAlert()) {
            ctx.output(RiskEngine.ALERTS, assessment);
        }
    }

    private static void velocity(UserProfile user, RiskTransaction tx, RiskFactors factors) {
        for (int w = 0; w < VelocityWindows.SPANS_MILLIS.length; w++) {
            int count = 1 + user.velocity.count(tx.type(), tx.timestamp(), VelocityWindows.SPANS_MILLIS[w]);
            int threshold = tx.type().threshold(w);
            if (count >= threshold) {
                factors.add("velocity", Math.min(count * 0.5 / threshold, 1));
            }
        }
    }

    /** {@code km}: from the transaction to the nearest place seen before, -1 if none. */
    private static void location(double km, RiskFactors factors) {
        if (km > FAR_KM) {
            factors.add("location", Math.min(km / 1000, 1));
        }
    }

    private static void amount(UserProfile user, RiskTransaction tx, RiskFactors factors) {
        if (user.transactions() < AMOUNT_MIN_HISTORY) {
            return;
        }
        double z = user.amounts.zScore(tx.amount());
        if (z > Z_LIMIT) {
            factors.add("amount", Math.min(z / 5, 1));
        }
    }

    private static void habitAndTime(UserProfile user, RiskTransaction tx, ZonedDateTime time, RiskFactors factors) {
        boolean hasHistory = user.transactions() >= MIN_HISTORY;
        if (hasHistory && !user.hasSeenHour(time.getHour())) {
            factors.add("habit", 0.3);
        }
        if (hasHistory && !user.hasSeenType(tx.type())) {
            factors.add("habit", 0.4);
        }
        if (time.getHour() >= 2 && time.getHour() <= 6) {
            factors.add("time", 0.2);
        }
        if (hasHistory && UserProfile.isWeekend(time) && !user.hasWeekendHistory()) {
            factors.add("time", 0.3);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ScoredTransaction> out) {
        UserProfile user = profile.value();
        if (user != null) {
            user.velocity.expireUpTo(timestamp - VelocityWindows.LONGEST);
        }
    }
}
