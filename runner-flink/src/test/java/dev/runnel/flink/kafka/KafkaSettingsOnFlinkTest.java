package dev.runnel.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.connector.base.DeliveryGuarantee;
import dev.runnel.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.runnel.connector.kafka.sink.KafkaSink;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.KafkaSourceBuilder;
import dev.runnel.connector.kafka.source.OffsetResetStrategy;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import dev.runnel.flink.FlinkRunner;
import dev.runnel.kafka.broker.LocalBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runnel's Kafka source and sink settings on Flink's connector: the same job, built twice, reads
 * (bounded) and writes the same records on Runnel and on Flink (parallelism 2, one reader per
 * partition), each compared with the records the test states. Topic {@code events}, two partitions:
 * <pre>
 *   partition 0: offset 0 a0 @1000, 1 a1 @2000, 2 bad @3000 (the deserializer rejects it), 3 a3 @4000, 4 a4 @5000
 *   partition 1: offset 0 b0 @1500, 1 b1 @2500, 2 b2 @3500
 * </pre>
 * Every record has key {@code k-<value>} and header {@code h = <value>}; the deserializer reads key,
 * value, partition, offset and header, so a record reads {@code k-a0|a0|0/0|a0 @ 1000} (the Kafka
 * timestamp is the event time).
 */
class KafkaSettingsOnFlinkTest {
    private static final String TOPIC = "events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final String BAD = "events-0#2 bad DeadLetterException: not an event: bad @ " + Long.MIN_VALUE;
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
        broker.createTopic(TOPIC, 2);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        String[][] partitions = {{"a0", "a1", "bad", "a3", "a4"}, {"b0", "b1", "b2"}};
        for (int p = 0; p < 2; p++) {
            for (int o = 0; o < partitions[p].length; o++) {
                String value = partitions[p][o];
                RecordHeaders headers = new RecordHeaders();
                headers.add("h", bytes(value));
                records.add(new ProducerRecord<>(TOPIC, p, 1000L * (o + 1) + 500L * p, bytes("k-" + value), bytes(value), headers));
            }
        }
        broker.produce(records);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void earliestToLatestReadsEverythingWithKafkaTimestampsAndDeadLetters() throws Exception {
        assertSameOnBothEngines(b -> b.setStartingOffsets(OffsetsInitializer.earliest()),
            List.of("k-a0|a0|0/0|a0 @ 1000", "k-a1|a1|0/1|a1 @ 2000", "k-a3|a3|0/3|a3 @ 4000", "k-a4|a4|0/4|a4 @ 5000",
                "k-b0|b0|1/0|b0 @ 1500", "k-b1|b1|1/1|b1 @ 2500", "k-b2|b2|1/2|b2 @ 3500"),
            List.of(BAD));
    }

    @Test
    void explicitOffsetsWithTheRestFromEarliest() throws Exception {
        assertSameOnBothEngines(b -> b.setStartingOffsets(OffsetsInitializer.offsets(Map.of(P0, 3L))),
            List.of("k-a3|a3|0/3|a3 @ 4000", "k-a4|a4|0/4|a4 @ 5000",
                "k-b0|b0|1/0|b0 @ 1500", "k-b1|b1|1/1|b1 @ 2500", "k-b2|b2|1/2|b2 @ 3500"),
            List.of());
    }

    @Test
    void fromATimestamp() throws Exception {
        assertSameOnBothEngines(b -> b.setStartingOffsets(OffsetsInitializer.timestamp(2500)),
            List.of("k-a3|a3|0/3|a3 @ 4000", "k-a4|a4|0/4|a4 @ 5000", "k-b1|b1|1/1|b1 @ 2500", "k-b2|b2|1/2|b2 @ 3500"),
            List.of(BAD));
    }

    @Test
    void committedOffsetsOfTheGroupWithEarliestWhereNoneIsCommitted() throws Exception {
        commit("readers", Map.of(P0, 4L));
        assertSameOnBothEngines(b -> b.setGroupId("readers").setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST)),
            List.of("k-a4|a4|0/4|a4 @ 5000", "k-b0|b0|1/0|b0 @ 1500", "k-b1|b1|1/1|b1 @ 2500", "k-b2|b2|1/2|b2 @ 3500"),
            List.of());
    }

    @Test
    void committedOffsetsWithoutResetFailOnBothEnginesWhereNoneIsCommitted() {
        UnaryOperator<KafkaSourceBuilder<String>> settings = b -> b.setGroupId("nobody").setStartingOffsets(OffsetsInitializer.committedOffsets());
        assertThatThrownBy(() -> run(settings, 1, false)).hasStackTraceContaining("No committed offset for");
        assertThatThrownBy(() -> run(settings, 2, true)).hasStackTraceContaining("No committed offset for");
    }

    @Test
    void boundedAtExplicitStopOffsets() throws Exception {
        assertSameOnBothEngines(b -> b.setBounded(OffsetsInitializer.offsets(Map.of(P0, 2L, P1, 1L))),
            List.of("k-a0|a0|0/0|a0 @ 1000", "k-a1|a1|0/1|a1 @ 2000", "k-b0|b0|1/0|b0 @ 1500"),
            List.of());
    }

    @Test
    void fromLatestToLatestReadsNothing() throws Exception {
        assertSameOnBothEngines(b -> b.setStartingOffsets(OffsetsInitializer.latest()), List.of(), List.of());
    }

    /**
     * Unbounded, topic {@code quiet-<parallelism>} with two partitions of which only partition 0 has records: a0
     * @1000, a1 @2000, then, while the job runs, a record every 50 ms from 12 s on (so partition 0
     * stays active). With {@code withIdleness} the empty partition stops holding the watermark back,
     * so the window [0, 10 s) fires while the job runs, on both engines (on Flink, Runnel's generator
     * runs per partition inside Flink's per-split watermarking). At parallelism 2 each source subtask
     * reads one partition, so the idle input is a whole subtask, left out of the window's watermark.
     * The job is cancelled then.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void idlePartitionDoesNotHoldBackTheWatermarkOfAnUnboundedSource(int parallelism) throws Exception {
        String topic = "quiet-" + parallelism; // at parallelism 2 each reader has one partition: the idle one is a whole subtask
        broker.createTopic(topic, 2);
        broker.produce(List.of(
            new ProducerRecord<>(topic, 0, 1000L, bytes("k"), bytes("a0")),
            new ProducerRecord<>(topic, 0, 2000L, bytes("k"), bytes("a1"))));
        long tick = 12_000;
        for (boolean flink : List.of(false, true)) {
            StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
            KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers()).setTopics(topic)
                .setValueOnlyDeserializer(KafkaSettingsOnFlinkTest::text).build();
            CollectSink<String> windows = new CollectSink<>();
            env.fromSource(source, WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofMillis(500)), "quiet")
                .keyBy(v -> "all").window(TumblingEventTimeWindows.of(Duration.ofSeconds(10))).reduce((a, b) -> a + "+" + b).name("windows")
                .addSink(windows).name("out");
            Runnable cancel;
            if (flink) {
                StreamExecutionEnvironment flinkEnv = StreamExecutionEnvironment.getExecutionEnvironment();
                FlinkRunner.translate(env, flinkEnv);
                org.apache.flink.core.execution.JobClient job = flinkEnv.executeAsync("idleness on flink");
                cancel = () -> job.cancel().join();
            } else {
                JobClient job = env.executeAsync("idleness on runnel");
                cancel = job::cancel;
            }
            try (var producer = broker.producer()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (windows.values().isEmpty() && System.nanoTime() < deadline) {
                    producer.send(new ProducerRecord<>(topic, 0, tick++, bytes("k"), bytes("tick")));
                    Thread.sleep(50);
                }
            } finally {
                cancel.run();
            }
            assertThat(windows.timestamped()).as((flink ? "on Flink" : "on Runnel") + " at parallelism " + parallelism).map(Object::toString).containsExactly("a0+a1@9999");
        }
    }

    /**
     * Runnel's KafkaSink on Flink writes what it writes on Runnel: the record serializer's topic, key,
     * partition (a partitioner) and headers, and the record's event time as the Kafka timestamp;
     * AT_LEAST_ONCE and NONE alike.
     */
    @Test
    void sinkWritesTheSerializersKeyPartitionHeadersAndTimestamp() throws Exception {
        for (DeliveryGuarantee guarantee : List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.NONE)) {
            List<String> written = new ArrayList<>();
            for (boolean flink : List.of(false, true)) {
                String topic = "out-" + guarantee + "-" + (flink ? "flink" : "runnel");
                broker.createTopic(topic, 3);
                StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
                env.fromSource(source(b -> b), WatermarkStrategy.forMonotonousTimestamps(), "events")
                    .map(line -> line.split("\\|")[1]).name("values")
                    .sinkTo(KafkaSink.<String>builder().setBootstrapServers(broker.bootstrapServers())
                        .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                            .setKeySerializationSchema(v -> bytes("key-" + v))
                            .setValueSerializationSchema(v -> bytes(v.toUpperCase()))
                            .setPartitioner((v, key, value, t, partitions) -> v.startsWith("a") ? partitions[2] : partitions[0])
                            .setHeaderProvider(v -> new RecordHeaders().add("source", bytes(v)))
                            .build())
                        .setDeliveryGuarantee(guarantee).build()).name("out");
                if (flink) {
                    FlinkRunner.execute(env, "sink on flink");
                } else {
                    env.execute("sink on runnel");
                }
                List<String> records = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : broker.readCommitted(topic)) {
                    records.add(r.partition() + " " + text(r.key()) + "=" + text(r.value()) + " source=" + text(r.headers().lastHeader("source").value())
                        + " @ " + r.timestamp());
                }
                records.sort(null);
                if (flink) {
                    assertThat(records).as("%s on Flink", guarantee).isEqualTo(written);
                } else {
                    written.addAll(records);
                }
            }
            assertThat(written).as("%s on Runnel", guarantee).containsExactly(
                "0 key-b0=B0 source=b0 @ 1500", "0 key-b1=B1 source=b1 @ 2500", "0 key-b2=B2 source=b2 @ 3500",
                "2 key-a0=A0 source=a0 @ 1000", "2 key-a1=A1 source=a1 @ 2000", "2 key-a3=A3 source=a3 @ 4000", "2 key-a4=A4 source=a4 @ 5000");
        }
    }

    /** Runs the job on Runnel (parallelism 1) and on Flink (parallelism 2); both give {@code records} and {@code deadLetters}. */
    private static void assertSameOnBothEngines(UnaryOperator<KafkaSourceBuilder<String>> settings, List<String> records,
                                                List<String> deadLetters) throws Exception {
        List<String> expected = new ArrayList<>(records);
        deadLetters.forEach(d -> expected.add("dead " + d));
        expected.sort(null);
        assertThat(run(settings, 1, false)).as("on Runnel").isEqualTo(expected);
        assertThat(run(settings, 2, true)).as("on Flink").isEqualTo(expected);
    }

    private static List<String> run(UnaryOperator<KafkaSourceBuilder<String>> settings, int parallelism, boolean flink) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        DataStream<String> events = env.fromSource(source(settings), WatermarkStrategy.forMonotonousTimestamps(), "events");
        CollectSink<String> out = new CollectSink<>();
        CollectSink<DeadLetter> dead = new CollectSink<>();
        events.addSink(out).name("records");
        events.getSideOutput(DeadLetter.TAG).addSink(dead).name("dead letters");
        if (flink) {
            FlinkRunner.execute(env, "kafka settings on flink");
        } else {
            env.execute("kafka settings on runnel");
        }
        List<String> lines = new ArrayList<>();
        out.timestamped().forEach(t -> lines.add(t.value() + " @ " + t.timestamp()));
        dead.timestamped().forEach(t -> lines.add("dead " + t.value().source() + "#" + t.value().line() + " " + t.value().raw() + " "
            + t.value().reason() + " @ " + t.timestamp()));
        lines.sort(null);
        return lines;
    }

    /** The key-and-value deserializer: key, value, partition/offset and header h; "bad" values are rejected. */
    private static KafkaSource<String> source(UnaryOperator<KafkaSourceBuilder<String>> settings) {
        KafkaSourceBuilder<String> builder = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics(TOPIC).setBounded(OffsetsInitializer.latest())
            .setDeserializer((record, out) -> {
                String value = text(record.value());
                if (value.equals("bad")) {
                    throw new DeadLetterException("not an event: " + value);
                }
                out.collect(text(record.key()) + "|" + value + "|" + record.partition() + "/" + record.offset() + "|"
                    + text(record.headers().lastHeader("h").value()));
            });
        return settings.apply(builder).build();
    }

    /** What the deserializer throws for a record it rejects; its simple name is in the dead letter's reason. */
    static final class DeadLetterException extends IOException {
        DeadLetterException(String message) {
            super(message);
        }
    }

    private static void commit(String group, Map<TopicPartition, Long> offsets) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
            offsets.forEach((tp, o) -> commits.put(tp, new OffsetAndMetadata(o)));
            consumer.commitSync(commits, Duration.ofSeconds(30));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
