package dev.runnel.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobResult;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RichMapFunction;
import dev.runnel.api.functions.OpenContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.runtime.OperatorMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Metrics beyond the record counts: late records by where they went, keyed-state entries, metrics user functions register. */
class OperatorMetricsTest {
    private static DataStream<String> scripted(StreamEnvironment env) {
        return env.fromSource(ScriptedSource.<String>create()
                .event("a", 1).event("b", 2)
                .watermark(20)          // [0,10) fired; 3 and 4 are late for it
                .event("a", 3).event("c", 4)
                .event("a", 25)
                .watermark(100),
            WatermarkStrategy.noWatermarks(), "script");
    }

    private static OperatorMetrics only(JobResult result, String operator) {
        List<OperatorMetrics> instances = result.operator(operator);
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    @Test
    void lateRecordsSentToTheSideOutputAreCountedApartFromDroppedOnes() {
        OutputTag<String> late = OutputTag.of("late", String.class);
        StreamEnvironment env = StreamEnvironment.create();
        var counts = scripted(env).keyBy(s -> s).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .sideOutputLateData(late).reduce((x, y) -> x + y).name("window");
        CollectSink<String> lateOut = new CollectSink<>();
        counts.getSideOutput(late).addSink(lateOut);
        counts.addSink(new CollectSink<>());
        OperatorMetrics window = only(env.execute(), "window");
        assertThat(lateOut.values()).containsExactly("a", "c");
        assertThat(window.numLateRecordsToSideOutput()).isEqualTo(2);
        assertThat(window.numLateRecordsDropped()).isZero();

        StreamEnvironment dropping = StreamEnvironment.create();
        scripted(dropping).keyBy(s -> s).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .reduce((x, y) -> x + y).name("window").addSink(new CollectSink<>());
        OperatorMetrics dropped = only(dropping.execute(), "window");
        assertThat(dropped.numLateRecordsToSideOutput()).isZero();
        assertThat(dropped.numLateRecordsDropped()).isEqualTo(2);
    }

    /** Keeps a value for every key except "b", whose state it clears again. */
    static final class KeepAllButB extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<String> last;

        @Override
        public void open(dev.runnel.api.functions.RuntimeContext rc) {
            last = rc.getState(new ValueStateDescriptor<>("last", String.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            last.update(value);
            if (value.equals("b")) {
                last.clear();
            }
        }
    }

    @Test
    void keyedStateEntriesCountTheKeysThatHoldState() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements("a", "b", "c", "a", "d").keyBy(s -> s).process(new KeepAllButB()).name("keep").addSink(new CollectSink<>());
        assertThat(only(env.execute(), "keep").gauge("numKeyedStateEntries")).isEqualTo(3); // a, c, d
    }

    /** Counts alerts by severity (the text before ':') and checks in a named group, Flink's way. */
    static final class CountBySeverity extends RichMapFunction<String, String> {
        private transient Map<String, Counter> bySeverity;
        private transient Counter checks;

        @Override
        public void open(OpenContext context) {
            MetricGroup group = getRuntimeContext().getMetricGroup();
            bySeverity = new TreeMap<>();
            for (String severity : List.of("LOW", "CRITICAL")) {
                bySeverity.put(severity, group.addGroup("severity", severity).counter("alerts"));
            }
            checks = group.addGroup("fraud").counter("checks");
            group.gauge("lastLength", (Gauge<Integer>) () -> 7);
        }

        @Override
        public String map(String value) {
            checks.inc();
            bySeverity.get(value.substring(0, value.indexOf(':'))).inc();
            return value;
        }
    }

    @Test
    void countersUserFunctionsRegisterAreTheOperatorsWithTheirGroupsAsLabels() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements("LOW:disk", "CRITICAL:down", "LOW:cpu", "LOW:mem").map(new CountBySeverity()).name("count")
            .addSink(new CollectSink<>());
        List<String> metrics = only(env.execute(), "count").userMetrics().stream()
            .map(m -> m.name() + new TreeMap<>(m.labels()) + "=" + m.value()).toList();
        assertThat(metrics).containsExactlyInAnyOrder(
            "alerts{severity=CRITICAL}=1.0", "alerts{severity=LOW}=3.0", "fraud_checks{}=4.0", "lastLength{}=7.0");
    }

    @Test
    void registeringTheSameCounterAgainReturnsTheFirstAndReservedLabelsAreRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(1, 2, 3).map(new RichMapFunction<Integer, Integer>() {
            private transient Counter counter;

            @Override
            public void open(OpenContext context) {
                counter = getRuntimeContext().getMetricGroup().counter("seen");
                assertThat(getRuntimeContext().getMetricGroup().counter("seen")).isSameAs(counter);
                assertThatThrownBy(() -> getRuntimeContext().getMetricGroup().addGroup("operator", "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Metric group key 'operator' in operator 'seen-map' is reserved (the exporter sets job, operator "
                        + "and subtask); choose another key");
            }

            @Override
            public Integer map(Integer value) {
                counter.inc();
                return value;
            }
        }).name("seen-map").addSink(new CollectSink<>());
        assertThat(only(env.execute(), "seen-map").userMetrics()).singleElement()
            .satisfies(m -> assertThat(m.value()).isEqualTo(3.0));
    }
}
