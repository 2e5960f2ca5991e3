package dev.runnel.examples.risk;

import dev.runnel.examples.common.Geo;
import dev.runnel.examples.common.RunningStats;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** What the scorer remembers about one user; one mutable object in keyed state. */
final class UserProfile {
    /** Distinct places remembered for the location rule; closer than 1 km counts as the same place. */
    private static final int MAX_PLACES = 32;
    private static final double SAME_PLACE_KM = 1.0;

    final VelocityWindows velocity = new VelocityWindows();
    final RunningStats amounts = new RunningStats();
    private final double[] latitudes = new double[MAX_PLACES];
    private final double[] longitudes = new double[MAX_PLACES];
    private int places;
    private int nextPlace;
    private int hoursSeen;   // bit h set: a transaction at hour h of the day
    private int typesSeen;   // bit t set: a transaction of type ordinal t
    private boolean weekendSeen;
    private long transactions;

    long transactions() {
        return transactions;
    }

    /** Kilometres to the nearest remembered place, or -1 if none. */
    double nearestPlaceKm(double latitude, double longitude) {
        double nearest = -1;
        for (int i = 0; i < places; i++) {
            double d = Geo.distanceKm(latitudes[i], longitudes[i], latitude, longitude);
            if (nearest < 0 || d < nearest) {
                nearest = d;
            }
        }
        return nearest;
    }

    boolean hasSeenHour(int hour) {
        return (hoursSeen & (1 << hour)) != 0;
    }

    boolean hasSeenType(TransactionType type) {
        return (typesSeen & (1 << type.ordinal())) != 0;
    }

    boolean hasWeekendHistory() {
        return weekendSeen;
    }

    /**
     * Learns from a transaction after it has been scored; {@code nearestKm} is
     * {@link #nearestPlaceKm} of its place, taken before this call (the scorer needs it too).
     */
    void record(RiskTransaction tx, ZonedDateTime time, double nearestKm) {
        transactions++;
        velocity.add(tx.type(), tx.timestamp());
        amounts.add(tx.amount());
        if (nearestKm < 0 || nearestKm > SAME_PLACE_KM) {
            // a ring of the most recent distinct places
            latitudes[nextPlace] = tx.latitude();
            longitudes[nextPlace] = tx.longitude();
            nextPlace = (nextPlace + 1) % MAX_PLACES;
            places = Math.min(places + 1, MAX_PLACES);
        }
        hoursSeen |= 1 << time.getHour();
        typesSeen |= 1 << tx.type().ordinal();
        weekendSeen |= isWeekend(time);
    }

    static boolean isWeekend(ZonedDateTime time) {
        DayOfWeek day = time.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
