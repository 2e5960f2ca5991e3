package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.WindowedStream;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A failing user function fails the job with operator, key, timestamp and record or window; on both window operators. */
class WindowErrorsTest {

    private static WindowedStream<Ev, String, TimeWindow> windows(StreamEnvironment env, ScriptedSource<Ev> script, boolean general) {
        WindowedStream<Ev, String, TimeWindow> w = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
        return general ? w.trigger(new WindowTestSupport.GeneralPathTrigger()) : w;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void failingAggregateNamesOperatorKeyTimestampAndRecord(boolean general) {
        StreamEnvironment env = StreamEnvironment.create();
        windows(env, ScriptedSource.<Ev>create().event(ev("k", 1, 1), 1).event(ev("acct-7", 5, -1), 5), general)
            .aggregate(new AggregateFunction<Ev, long[], Long>() {
                public long[] createAccumulator() {
                    return new long[1];
                }

                public long[] add(Ev e, long[] acc) {
                    if (e.value() < 0) {
                        throw new IllegalArgumentException("negative value");
                    }
                    acc[0] += e.value();
                    return acc;
                }

                public Long getResult(long[] acc) {
                    return acc[0];
                }

                public long[] merge(long[] a, long[] b) {
                    a[0] += b[0];
                    return a;
                }
            }).name("sums").addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("fails"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("operator 'sums'")
            .hasMessageContaining("key=acct-7")
            .hasMessageContaining("timestamp=5")
            .hasMessageContaining("record=acct-7:-1")
            .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void failingWindowFunctionNamesOperatorKeyAndWindow(boolean general) {
        StreamEnvironment env = StreamEnvironment.create();
        windows(env, ScriptedSource.<Ev>create().event(ev("acct-7", 1, 1), 1).watermark(20), general)
            .process(new ProcessWindowFunction<Ev, String, String, TimeWindow>() {
                @Override
                public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
                    throw new IllegalStateException("cannot summarize");
                }
            }).name("summaries").addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("fails"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("operator 'summaries'")
            .hasMessageContaining("key=acct-7")
            .hasMessageContaining("timestamp=9")
            .hasMessageContaining("[0, 10)")
            .hasMessageContaining("cannot summarize");
    }

    /**
     * Keys held as primitives (numbers) are boxed again when their window fires; the failing key is
     * named, not the key of the last record, on tumbling (one slice) and sliding (slices combined) windows.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void failingResultOfANumericKeyNamesThatKey(boolean sliding) {
        StreamEnvironment env = StreamEnvironment.create();
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .event(ev("3", 1, 1), 1).event(ev("7", 2, 70), 2).event(ev("5", 3, 1), 3).watermark(30);
        env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(e -> Long.parseLong(e.key()))
            .window(sliding ? SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(10))
                : TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .aggregate(new Sum() {
                @Override
                public Long getResult(long[] acc) {
                    if (acc[0] == 70) {
                        throw new IllegalStateException("cannot sum");
                    }
                    return acc[0];
                }
            }).name("sums").addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("fails"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("operator 'sums'")
            .hasMessageContaining("key=7")
            .hasMessageContaining("cannot sum");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eventTimeWindowsOnRecordsWithoutTimestampsSayWhatIsMissing(boolean general) {
        StreamEnvironment env = StreamEnvironment.create();
        windows(env, ScriptedSource.<Ev>create().event(ev("k", 1, 1)), general).aggregate(new Sum()).name("sums").addSink(new CollectSink<>());
        assertThatThrownBy(() -> env.execute("fails"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("'sums'")
            .hasMessageContaining("no timestamp")
            .hasMessageContaining("WatermarkStrategy with a timestamp assigner");
    }
}
