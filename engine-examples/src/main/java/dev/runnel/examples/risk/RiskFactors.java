package dev.runnel.examples.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The factors that fired for one transaction, by category, keeping each category's strongest. */
final class RiskFactors {
    private final Map<String, Double> strongest = new LinkedHashMap<>();

    void add(String category, double factor) {
        strongest.merge(category, factor, Math::max);
    }

    /** Score = mean over the categories that fired of each one's strongest factor (0 if none fired). */
    RiskAssessment assess(RiskTransaction tx) {
        double sum = 0;
        for (double f : strongest.values()) {
            sum += f;
        }
        double score = strongest.isEmpty() ? 0 : sum / strongest.size();
        RiskLevel level = RiskLevel.of(score);
        return new RiskAssessment(tx.transactionId(), tx.userId(), level, score,
            Collections.unmodifiableMap(strongest), tx.timestamp(), level.recommendation());
    }
}
