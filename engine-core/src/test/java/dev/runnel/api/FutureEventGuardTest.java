package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.FutureEventGuard;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FutureEventGuardTest {
    private static final long T0 = 1_715_421_600_000L;        // 2024-05-11 10:00:00 UTC
    private static final long YEAR_2099 = 4_070_908_800_000L; // 2099-01-01 00:00:00 UTC
    private static final OutputTag<Long> FUTURE = OutputTag.of("future", Long.class);
    private static final OutputTag<Long> LATE = OutputTag.of("late", Long.class);

    private record Run(List<String> windowCounts, List<Long> late, List<Long> future, JobResult result) {}

    /** Counts events per 10 s window of the stream the strategy stamps; late ones to LATE. */
    private static Run countPerWindow(ScriptedSource<Long> script, WatermarkStrategy<Long> strategy, boolean midStream) {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock(T0));
        DataStream<Long> stamped = midStream
            ? env.fromSource(script, WatermarkStrategy.noWatermarks(), "s").assignTimestampsAndWatermarks(strategy)
            : env.fromSource(script, strategy, "s");
        DataStream<Long> windows = stamped.map(ts -> 1L)
            .keyBy(one -> "all")
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
            .sideOutputLateData(LATE)
            .reduce(Long::sum);
        DataStream<String> counts = windows.map(String::valueOf);
        CollectSink<String> countSink = new CollectSink<>();
        CollectSink<Long> futureSink = new CollectSink<>();
        CollectSink<Long> lateSink = new CollectSink<>();
        counts.addSink(countSink);
        stamped.getSideOutput(FUTURE).addSink(futureSink);
        windows.getSideOutput(LATE).addSink(lateSink); // each late event as the mapped value 1
        JobResult result = env.execute("guard");
        return new Run(countSink.values(), lateSink.values(), futureSink.values(), result);
    }

    private static ScriptedSource<Long> withRowFrom2099() {
        // 10:00:01, 10:00:02, 2099-01-01, 10:00:03, 10:00:12: values are their own timestamps
        ScriptedSource<Long> script = ScriptedSource.create();
        for (long ts : new long[] {T0 + 1_000, T0 + 2_000, YEAR_2099, T0 + 3_000, T0 + 12_000}) {
            script.event(ts, ts);
        }
        return script;
    }

    private static WatermarkStrategy<Long> perRecord() {
        return WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofSeconds(1)).withPerRecordEmission();
    }

    @Test
    void withoutAGuardOneRowFrom2099MakesEveryLaterRowLate() {
        Run run = countPerWindow(withRowFrom2099(), perRecord(), false);

        assertThat(run.late()).containsExactly(1L, 1L);
        assertThat(run.windowCounts()).containsExactly("2", "1");
    }

    @Test
    void rowMoreThanTheBoundAheadOfEventTimeGoesToTheGuardsSideOutputAndDoesNotMoveEventTime() {
        Run run = countPerWindow(withRowFrom2099(), perRecord().withFutureEventGuard(Duration.ofDays(1), FUTURE), false);

        assertThat(run.future()).containsExactly(YEAR_2099);
        assertThat(run.late()).isEmpty();
        assertThat(run.windowCounts()).containsExactly("3", "1"); // [10:00:00, 10:00:10) and [10:00:10, 10:00:20)
        assertThat(run.result().futureEvents()).isEqualTo(1);
        assertThat(run.result().recordsOut("s")).isEqualTo(4);
    }

    @Test
    void guardOnAssignTimestampsAndWatermarksDivertsTheSameWay() {
        Run run = countPerWindow(withRowFrom2099(), perRecord().withFutureEventGuard(Duration.ofDays(1), FUTURE), true);

        assertThat(run.future()).containsExactly(YEAR_2099);
        assertThat(run.late()).isEmpty();
        assertThat(run.windowCounts()).containsExactly("3", "1");
        assertThat(run.result().futureEvents()).isEqualTo(1);
    }

    @Test
    void eventTimeBoundIsMeasuredFromTheLargestTimestampAcceptedSoFar() {
        // periodic emission and no processing time passing: the watermark stays at none all along, so a guard
        // measured from it would accept everything. Bound 20 s: 10:00:02 accepted; 10:00:30 diverted; 10:00:45
        // diverted too (judged against 10:00:02, not against the diverted 10:00:30); 10:00:21 accepted
        ScriptedSource<Long> script = ScriptedSource.<Long>create()
            .event(T0 + 2_000, T0 + 2_000).event(T0 + 30_000, T0 + 30_000).event(T0 + 45_000, T0 + 45_000)
            .event(T0 + 21_000, T0 + 21_000);
        WatermarkStrategy<Long> strategy = WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofSeconds(1))
            .withFutureEventGuard(Duration.ofSeconds(20), FUTURE);

        Run run = countPerWindow(script, strategy, false);

        assertThat(run.future()).containsExactly(T0 + 30_000, T0 + 45_000);
        assertThat(run.windowCounts()).containsExactly("1", "1");
    }

    @Test
    void processingTimeBoundAlsoCatchesABadFirstRow() {
        // the job clock reads 10:00:00; the first row is from 2099, the bound 5 minutes of wall-clock time
        ScriptedSource<Long> script = ScriptedSource.<Long>create()
            .event(YEAR_2099, YEAR_2099).event(T0 + 1_000, T0 + 1_000).event(T0 + 2_000, T0 + 2_000);
        WatermarkStrategy<Long> strategy = perRecord().withFutureEventGuard(
            FutureEventGuard.aheadOfEventTime(Duration.ofDays(1), FUTURE).orAheadOfProcessingTime(Duration.ofMinutes(5)));

        Run run = countPerWindow(script, strategy, false);

        assertThat(run.future()).containsExactly(YEAR_2099);
        assertThat(run.late()).isEmpty();
        assertThat(run.windowCounts()).containsExactly("2");
    }

    @Test
    void negativeBoundIsRefused() {
        assertThatThrownBy(() -> FutureEventGuard.aheadOfEventTime(Duration.ofSeconds(-1), FUTURE))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("must not be negative");
    }
}
