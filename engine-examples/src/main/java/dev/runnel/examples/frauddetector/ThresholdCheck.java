package dev.runnel.examples.frauddetector;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.examples.alerts.AlertMetrics;
import dev.runnel.examples.alerts.Severity;

/**
 * Passes every window sum on and sends those above the threshold to {@link FraudDetector#ANOMALIES}
 * with the current watermark: the point event time had reached when the window was judged. Anomalies are
 * S1's HIGH alerts in the {@code alerts} metric.
 */
final class ThresholdCheck extends ProcessFunction<WindowSum, WindowSum> {
    private final double threshold;
    private transient AlertMetrics alerts;

    ThresholdCheck(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public void open(RuntimeContext context) {
        alerts = AlertMetrics.register(context.getMetricGroup());
    }

    @Override
    public void processElement(WindowSum window, Context ctx, Collector<WindowSum> out) {
        if (window.sum() > threshold) {
            alerts.count(Severity.HIGH);
            long watermark = ctx.timerService().currentWatermark();
            ctx.output(FraudDetector.ANOMALIES,
                new Anomaly(window.transactionId(), window.windowStart(), window.windowEnd(), window.sum(), watermark));
        }
        out.collect(window);
    }
}
