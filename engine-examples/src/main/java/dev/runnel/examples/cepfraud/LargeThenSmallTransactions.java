package dev.runnel.examples.cepfraud;

import dev.runnel.cep.PatternSelectFunction;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A large transaction followed by many small ones within an hour: money moved in, then drained in
 * amounts small enough to stay under review thresholds (or a stolen card tested and then used).
 * {@code followedBy} lets other events sit between the large transaction and the small ones, and
 * {@code times(n)} (relaxed by default) between the small ones.
 */
public final class LargeThenSmallTransactions {
    static final String LARGE = "large";
    static final String SMALL = "small";

    private LargeThenSmallTransactions() {}

    /** A transaction above {@code large}, then {@code count} transactions below {@code small}, within {@code window}. */
    public static Pattern<UserEvent, ?> pattern(double large, double small, int count, Duration window) {
        return Pattern.<UserEvent>begin(LARGE).where(e -> e.isTransaction() && e.amount() > large)
            .followedBy(SMALL).where(e -> e.isTransaction() && e.amount() < small).times(count)
            .within(window);
    }

    /** One SUSPICIOUS_TRANSACTION_PATTERN alert per match, at the time of the last small transaction. */
    public static PatternSelectFunction<UserEvent, FraudAlert> toAlert() {
        return match -> {
            UserEvent large = match.get(LARGE).get(0);
            List<UserEvent> small = match.get(SMALL);
            UserEvent last = small.get(small.size() - 1);
            double total = small.stream().mapToDouble(UserEvent::amount).sum();
            String message = String.format(Locale.ROOT, "transaction of %.2f followed by %d small ones (total %.2f) within %d min",
                large.amount(), small.size(), total, (last.timestamp() - large.timestamp()) / 60_000);
            return FraudAlert.of(large.userId(), FraudAlert.Type.SUSPICIOUS_TRANSACTION_PATTERN, message, last.timestamp());
        };
    }
}
