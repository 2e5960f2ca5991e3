package dev.runnel.examples.risk;

/** Risk levels by score, each with what to do about it. */
public enum RiskLevel {
    LOW("Low risk, normal processing"),
    MEDIUM("Monitor closely, consider manual review"),
    HIGH("Additional verification required"),
    CRITICAL("Immediate transaction blocking recommended");

    private final String recommendation;

    RiskLevel(String recommendation) {
        this.recommendation = recommendation;
    }

    public static RiskLevel of(double score) {
        if (score >= 0.8) {
            return CRITICAL;
        }
        if (score >= 0.6) {
            return HIGH;
        }
        return score >= 0.3 ? MEDIUM : LOW;
    }

    public String recommendation() {
        return recommendation;
    }

    /** HIGH and CRITICAL assessments are also sent to the alerts output at once. */
    public boolean isAlert() {
        return this == HIGH || this == CRITICAL;
    }
}
