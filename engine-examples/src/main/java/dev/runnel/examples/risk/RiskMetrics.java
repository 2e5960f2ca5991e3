package dev.runnel.examples.risk;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Locale;

/** One minute of all transactions (event time), as the risk dashboard shows it. */
public record RiskMetrics(long windowStart, long windowEnd, long count, double totalAmount, long highRiskCount,
                          long distinctUsers, Map<String, Long> countByType, Map<Integer, Long> countByHour,
                          double averageAmount, double riskRate, double transactionsPerUser) {

    /**
     * 1-minute tumbling event-time windows over every scored transaction, one metrics record per
     * minute; transactions whose minute was already emitted go to {@code late}.
     */
    static DataStream<RiskMetrics> perMinute(DataStream<ScoredTransaction> scored, ZoneId zone, OutputTag<ScoredTransaction> late) {
        return scored
            .windowAll(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
            .sideOutputLateData(late)
            .aggregate(new Aggregate(zone), new WithWindow())
            .name("risk-metrics");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%s,%s) count=%d total=%.2f avg=%.2f highRisk=%d riskRate=%.2f users=%d perUser=%.2f byType=%s byHour=%s",
            Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd), count, totalAmount, averageAmount,
            highRiskCount, riskRate, distinctUsers, transactionsPerUser, countByType, countByHour);
    }

    /** Counts of one window; {@link MinuteAccumulator} does the counting. */
    private static final class Aggregate implements AggregateFunction<ScoredTransaction, MinuteAccumulator, MinuteAccumulator> {
        private final ZoneId zone;

        Aggregate(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public MinuteAccumulator createAccumulator() {
            return new MinuteAccumulator();
        }

        @Override
        public MinuteAccumulator add(ScoredTransaction value, MinuteAccumulator acc) {
            acc.add(value, Instant.ofEpochMilli(value.transaction().timestamp()).atZone(zone).getHour());
            return acc;
        }

        @Override
        public MinuteAccumulator getResult(MinuteAccumulator acc) {
            return acc;
        }

        @Override
        public MinuteAccumulator merge(MinuteAccumulator a, MinuteAccumulator b) {
            return a.merge(b);
        }
    }

    private static final class WithWindow extends ProcessAllWindowFunction<MinuteAccumulator, RiskMetrics, TimeWindow> {
        @Override
        public void process(Context context, Iterable<MinuteAccumulator> elements, Collector<RiskMetrics> out) {
            TimeWindow window = context.window();
            for (MinuteAccumulator acc : elements) {
                out.collect(acc.toMetrics(window.start(), window.end()));
            }
        }
    }
}
