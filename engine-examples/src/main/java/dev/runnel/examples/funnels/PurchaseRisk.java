package dev.runnel.examples.funnels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The risk of a purchase as one funnel match shows it: +0.3 when it came less than 5 minutes after
 * the funnel's login, +0.4 for an amount over 2000, +0.2 at night. The recipe's night is "hour < 6
 * or hour > 23", whose second half no hour of the day satisfies; it is read here as 23:00 to 05:59.
 * Level: CRITICAL above 0.8; otherwise WARNING for an amount over 5000 or under 10.
 */
public record PurchaseRisk(ShopEvent purchase, double score, List<String> reasons, Level level) {
    public enum Level { NONE, WARNING, CRITICAL }

    static final Duration QUICK = Duration.ofMinutes(5);

    /** The risk of {@code match}'s purchase, or null for a funnel without one. */
    static PurchaseRisk of(FunnelMatch match, ZoneId zone) {
        ShopEvent purchase = match.purchase();
        if (purchase == null) {
            return null;
        }
        double score = 0;
        List<String> reasons = new ArrayList<>();
        ShopEvent login = match.loginBefore(purchase.timestamp());
        if (login != null && purchase.timestamp() - login.timestamp() < QUICK.toMillis()) {
            score += 0.3;
            reasons.add("bought " + (purchase.timestamp() - login.timestamp()) / 1000 + " s after login");
        }
        if (purchase.amount() > 2000) {
            score += 0.4;
            reasons.add("amount over 2000");
        }
        int hour = Instant.ofEpochMilli(purchase.timestamp()).atZone(zone).getHour();
        if (hour < 6 || hour >= 23) {
            score += 0.2;
            reasons.add("at night");
        }
        score = Math.round(score * 10) / 10.0;   // 0.3 + 0.4 + 0.2 is 0.9, not 0.9000000000000001
        Level level = score > 0.8 ? Level.CRITICAL
            : purchase.amount() > 5000 || purchase.amount() < 10 ? Level.WARNING : Level.NONE;
        return new PurchaseRisk(purchase, score, List.copyOf(reasons), level);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "score=%.1f %s", score, reasons);
    }
}
