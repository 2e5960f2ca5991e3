package dev.runnel.examples.risk;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The verdict on one transaction. {@code factors} maps each risk category that fired (velocity,
 * location, amount, habit, time) to its strongest factor; the score is their mean.
 */
public record RiskAssessment(String transactionId, String userId, RiskLevel level, double score,
                             Map<String, Double> factors, long timestamp, String recommendation) {
    @Override
    public String toString() {
        StringJoiner f = new StringJoiner(", ", "{", "}");
        factors.forEach((category, factor) -> f.add(category + "=" + String.format(Locale.ROOT, "%.2f", factor)));
        return String.format(Locale.ROOT, "%s user=%s %s score=%.2f factors=%s -> %s",
            transactionId, userId, level, score, f, recommendation);
    }
}
