package dev.runnel.examples.frauddetector;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.examples.alerts.AlertMetrics;
import dev.runnel.examples.alerts.Severity;
import dev.runnel.examples.common.RunningStats;

/**
 * Flags an amount more than {@code k} standard deviations above the account's running mean (kept
 * by Welford's algorithm in keyed state). The account needs {@code minHistory} transactions first:
 * with two or three amounts a standard deviation says nothing. The amount is judged, then learned.
 */
final class SpikeDetector extends KeyedProcessFunction<String, Transaction, Outlier> {
    /** S1 reports these as MEDIUM alerts in the {@code alerts} metric. */
    private transient AlertMetrics alerts;
    private final double k;
    private final int minHistory;
    private transient ValueState<RunningStats> stats;

    SpikeDetector(double k, int minHistory) {
        this.k = k;
        this.minHistory = minHistory;
    }

    @Override
    public void open(RuntimeContext context) {
        alerts = AlertMetrics.register(context.getMetricGroup());
        stats = context.getState(new ValueStateDescriptor<>("amount-stats", RunningStats.class));
    }

    @Override
    public void processElement(Transaction tx, Context ctx, Collector<Outlier> out) {
        RunningStats account = stats.value();
        if (account == null) {
            account = new RunningStats();
        }
        if (account.count() >= minHistory && account.zScore(tx.amount()) > k) {
            alerts.count(Severity.MEDIUM);
            out.collect(new Outlier(tx.transactionId(), tx.timestamp(), tx.amount(), account.mean(), account.stdDev()));
        }
        account.add(tx.amount());
        stats.update(account);
    }
}
