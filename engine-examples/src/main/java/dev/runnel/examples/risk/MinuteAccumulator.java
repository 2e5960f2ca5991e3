package dev.runnel.examples.risk;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The running counts of one metrics window. */
final class MinuteAccumulator implements java.io.Serializable {
    private long count;
    private double totalAmount;
    private long highRisk;
    private final Set<String> users = new HashSet<>();
    private final long[] byType = new long[TransactionType.values().length];
    private final long[] byHour = new long[24];

    void add(ScoredTransaction scored, int hour) {
        RiskTransaction tx = scored.transaction();
        count++;
        totalAmount += tx.amount();
        if (scored.assessment().level().isAlert()) {
            highRisk++;
        }
        users.add(tx.userId());
        byType[tx.type().ordinal()]++;
        byHour[hour]++;
    }

    MinuteAccumulator merge(MinuteAccumulator other) {
        count += other.count;
        totalAmount += other.totalAmount;
        highRisk += other.highRisk;
        users.addAll(other.users);
        for (int i = 0; i < byType.length; i++) {
            byType[i] += other.byType[i];
        }
        for (int i = 0; i < byHour.length; i++) {
            byHour[i] += other.byHour[i];
        }
        return this;
    }

    RiskMetrics toMetrics(long start, long end) {
        Map<String, Long> types = new TreeMap<>();
        for (TransactionType t : TransactionType.values()) {
            if (byType[t.ordinal()] > 0) {
                types.put(t.toString(), byType[t.ordinal()]);
            }
        }
        Map<Integer, Long> hours = new TreeMap<>();
        for (int h = 0; h < 24; h++) {
            if (byHour[h] > 0) {
                hours.put(h, byHour[h]);
            }
        }
        return new RiskMetrics(start, end, count, totalAmount, highRisk, users.size(), types, hours,
            count == 0 ? 0 : totalAmount / count, count == 0 ? 0 : (double) highRisk / count,
            users.isEmpty() ? 0 : (double) count / users.size());
    }
}
