package dev.runnel.examples.funnels;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A purchase worth a look: its level, score and reasons, and the funnels that led to it. */
public record PurchaseAlert(String userId, PurchaseRisk.Level level, double score, double amount, long purchaseTime,
                            List<String> reasons, List<String> funnels) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s user=%s purchase at %s amount=%.2f score=%.1f reasons=%s funnels=%s", level, userId,
            Instant.ofEpochMilli(purchaseTime), amount, score, reasons, funnels);
    }
}
