package dev.runnel.flink;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.cep.CEP;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.WithinType;
import dev.runnel.api.OutputTag;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/** What the runner cannot run with the same meaning is refused at translation, naming the operator and the reason. */
class RefusalTest {
    private static void translate(StreamEnvironment env) {
        FlinkRunner.translate(env, StreamExecutionEnvironment.createLocalEnvironment(1));
    }

    private static DataStream<Ev> events(StreamEnvironment env) {
        return env.fromElements(new Ev("a", 1, 1));
    }

    @Test
    void userTwoPhaseCommitSinkIsRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        events(env).addSink(new OwnTransactions()).name("transactional-out");
        assertThatThrownBy(() -> translate(env)).isInstanceOf(UntranslatableException.class)
            .hasMessageContaining("'transactional-out'").hasMessageContaining("two-phase-commit sink")
            .hasMessageContaining("ExactlyOnceFileSink is translated");
    }

    /** A user's own transactional sink: its transactions follow Runnel's checkpoints, which Flink does not call. */
    private static final class OwnTransactions implements TwoPhaseCommitSink<Ev> {
        @Override
        public Writer<Ev> createWriter(int subtask, List<byte[]> restored) {
            throw new UnsupportedOperationException("never runs: refused at translation");
        }
    }

    /** Runnel's KafkaSource / KafkaSink run on Flink's Kafka connector; without it on the class path the step is refused. */
    @Test
    void kafkaWithoutFlinksKafkaConnectorIsRefusedNamingTheArtifactToAdd() {
        KafkaConnectorCheck.require("transactions", RefusalTest.class.getClassLoader()); // present here: accepted
        assertThatThrownBy(() -> KafkaConnectorCheck.require("transactions", ClassLoader.getPlatformClassLoader()))
            .isInstanceOf(UntranslatableException.class).hasMessageContaining("'transactions'")
            .hasMessageContaining("org.apache.flink.connector.kafka.source.KafkaSource is missing")
            .hasMessageContaining("add dev.runnel:runnel-flink-kafka-shaded");
    }

    @Test
    void userDefinedWindowAssignerIsRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        events(env).keyBy(Ev::key).window(new EveryElementItsOwnWindow()).reduce((a, b) -> a).name("custom-windows").print();
        assertThatThrownBy(() -> translate(env)).isInstanceOf(UntranslatableException.class)
            .hasMessageContaining("'custom-windows'").hasMessageContaining("user-defined");
    }

    @Test
    void asyncIoIsRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        dev.runnel.api.AsyncDataStream.orderedWait(events(env), (Ev e, dev.runnel.api.functions.ResultFuture<Ev> result) ->
            result.complete(List.of(e)), 1, java.util.concurrent.TimeUnit.SECONDS).name("lookup").print();
        assertThatThrownBy(() -> translate(env)).isInstanceOf(UntranslatableException.class)
            .hasMessageContaining("'lookup'").hasMessageContaining("AsyncNode has no Flink translation");
    }

    @Test
    void futureEventGuardInMidStreamIsRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        events(env).assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forMonotonousTimestamps()
                .withTimestampAssigner((e, t) -> e.ts()).withFutureEventGuard(Duration.ofDays(1), OutputTag.of("f", Ev.class)))
            .name("restamp").print();
        assertThatThrownBy(() -> translate(env)).isInstanceOf(UntranslatableException.class)
            .hasMessageContaining("'restamp'").hasMessageContaining("future-event guard");
    }

    @Test
    void withinPreviousAndCurrentOnAQuantifiedStageIsRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        CEP.pattern(events(env).keyBy(Ev::key), Pattern.<Ev>begin("a").oneOrMore().within(Duration.ofSeconds(1), WithinType.PREVIOUS_AND_CURRENT))
            .select(m -> m.toString()).name("loops").print();
        assertThatThrownBy(() -> translate(env)).isInstanceOf(UntranslatableException.class)
            .hasMessageContaining("'loops'").hasMessageContaining("PREVIOUS_AND_CURRENT");
    }

    @Test
    void skipToAStageInsideAGroupIsRefusedWithFlinksReason() {
        StreamEnvironment env = StreamEnvironment.create();
        CEP.pattern(events(env).keyBy(Ev::key), Pattern.begin(Pattern.<Ev>begin("g1").followedBy("g2"), AfterMatchSkipStrategy.skipToFirst("g2"))
                .followedBy("tail"))
            .select(m -> m.toString()).name("grouped").print();
        assertThatThrownBy(() -> translate(env)).isInstanceOf(UntranslatableException.class)
            .hasMessageContaining("'grouped'").hasMessageContaining("Flink CEP rejects");
    }

    static final class EveryElementItsOwnWindow extends WindowAssigner<Object, TimeWindow> {
        @Override
        public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
            return List.of(new TimeWindow(timestamp, timestamp + 1));
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Trigger<Object, TimeWindow> getDefaultTrigger() {
            return (Trigger) TumblingEventTimeWindows.of(Duration.ofSeconds(1)).getDefaultTrigger();
        }

        @Override
        public boolean isEventTime() {
            return true;
        }
    }
}
