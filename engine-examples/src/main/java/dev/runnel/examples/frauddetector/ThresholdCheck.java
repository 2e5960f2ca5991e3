package dev.runnel.examples.frauddetector;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;

/**
 * Passes every window sum on and sends those above the threshold to {@link FraudDetector#ANOMALIES}
 * with the current watermark: the point event time had reached when the window was judged.
 */
final class ThresholdCheck extends ProcessFunction<WindowSum, WindowSum> {
    private final double threshold;

    ThresholdCheck(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public void processElement(WindowSum window, Context ctx, Collector<WindowSum> out) {
        if (window.sum() > threshold) {
            long watermark = ctx.timerService().currentWatermark();
            ctx.output(FraudDetector.ANOMALIES,
                new Anomaly(window.transactionId(), window.windowStart(), window.windowEnd(), window.sum(), watermark));
        }
        out.collect(window);
    }
}
