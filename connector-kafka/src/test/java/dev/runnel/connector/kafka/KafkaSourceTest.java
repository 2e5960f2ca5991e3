package dev.runnel.connector.kafka;

import dev.runnel.kafka.broker.LocalBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import dev.runnel.connector.kafka.TransactionJson.Transaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** KafkaSource against a real broker: timestamps, starting offsets, bad input, an unreachable broker. */
class KafkaSourceTest {
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static String tx(String id, String time, String amount) {
        return "{\"transaction_id\":\"" + id + "\",\"timestamp\":\"" + time + "\",\"amount\":" + amount + "}";
    }

    @Test
    void boundedReadTakesEveryPartitionWithTheKafkaTimestampAsEventTime() throws Exception {
        broker.createTopic("plain", 4);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(new ProducerRecord<>("plain", i % 4, 1_000_000L + i, null, TransactionJson.bytes("v" + i)));
        }
        broker.produce(records);

        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics("plain").setGroupId("plain-reader").setStartingOffsets(OffsetsInitializer.earliest())
            .setValueOnlyDeserializer(new SimpleStringSchema()).setBounded(OffsetsInitializer.latest()).build();
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").addSink(sink);
        env.execute("plain");

        assertThat(sink.timestamped()).hasSize(400);
        assertThat(sink.timestamped()).allSatisfy(t -> assertThat(t.timestamp()).isEqualTo(1_000_000L + Integer.parseInt(t.value().substring(1))));
    }

    @Test
    void explicitAndTimestampStartingOffsets() throws Exception {
        broker.createTopic("starts", 2);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new ProducerRecord<>("starts", i % 2, 5_000L + i, null, TransactionJson.bytes("v" + i)));
        }
        broker.produce(records);
        // partition 0 holds v0, v2, ... v18 at offsets 0..9; partition 1 holds v1 ... v19
        assertThat(read(OffsetsInitializer.offsets(Map.of(new TopicPartition("starts", 0), 8L, new TopicPartition("starts", 1), 9L))))
            .containsExactlyInAnyOrder("v16", "v18", "v19");
        assertThat(read(OffsetsInitializer.timestamp(5_016L))).containsExactlyInAnyOrder("v16", "v17", "v18", "v19");
        assertThat(read(OffsetsInitializer.latest())).isEmpty();
    }

    private static List<String> read(OffsetsInitializer start) {
        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics("starts").setStartingOffsets(start).setValueOnlyDeserializer(new SimpleStringSchema())
            .setBounded(OffsetsInitializer.latest()).build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect();
    }

    @Test
    void malformedRecordsBecomeDeadLettersWithTheirOffsetsAndEveryGoodRecordIsProcessed() throws Exception {
        broker.createTopic("bad-input", 2);
        String good = "2024-05-11 08:00:0";
        List<String> partition0 = List.of(
            tx("a1", good + "1", "10.5"),
            "this is not JSON",
            tx("a2", good + "2", "20"),
            tx("a3", good + "3", "\"lots\""),              // wrong type: amount is text
            tx("a4", good + "4", "40"),
            "",                                              // empty value
            tx("a5", good + "5", "50"),
            "x".repeat(2 * 1024 * 1024),                     // oversize: 2 MB, larger than a default fetch
            tx("a6", good + "6", "60"),
            "{\"transaction_id\": 7, \"timestamp\": \"" + good + "7\", \"amount\": 1}"); // wrong type: id is a number
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        partition0.forEach(v -> records.add(new ProducerRecord<>("bad-input", 0, null, TransactionJson.bytes(v))));
        records.add(new ProducerRecord<>("bad-input", 1, null, TransactionJson.bytes(tx("b1", good + "1", "1"))));
        records.add(new ProducerRecord<>("bad-input", 1, null, TransactionJson.bytes("[1,2,3]")));
        records.add(new ProducerRecord<>("bad-input", 1, null, TransactionJson.bytes(tx("b2", good + "2", "2"))));
        broker.produce(records);

        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<Transaction> source = KafkaSource.<Transaction>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics("bad-input").setValueOnlyDeserializer(new TransactionJson()).setBounded(OffsetsInitializer.latest()).build();
        DataStream<Transaction> transactions = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka");
        CollectSink<Transaction> good_ = new CollectSink<>();
        CollectSink<DeadLetter> dead = new CollectSink<>();
        transactions.addSink(good_);
        transactions.getSideOutput(DeadLetter.TAG).addSink(dead);
        env.execute("bad input");

        assertThat(good_.values()).extracting(Transaction::transactionId).containsExactlyInAnyOrder("a1", "a2", "a4", "a5", "a6", "b1", "b2");
        assertThat(dead.values()).extracting(d -> d.source() + "@" + d.line())
            .containsExactlyInAnyOrder("bad-input-0@1", "bad-input-0@3", "bad-input-0@5", "bad-input-0@7", "bad-input-0@9", "bad-input-1@1");
        DeadLetter oversize = dead.values().stream().filter(d -> d.line() == 7).findFirst().orElseThrow();
        assertThat(oversize.raw()).hasSizeLessThan(300).endsWith("(2097152 bytes)");
        assertThat(dead.values()).allSatisfy(d -> assertThat(d.reason()).isNotBlank());
        assertThat(dead.values().stream().filter(d -> d.line() == 3).findFirst().orElseThrow().raw()).contains("lots");
    }

    @Test
    void partitionsAndTopicsThatAppearWhileTheJobRunsAreReadWithoutARestart() throws Exception {
        broker.createTopic("disc-a", 1);
        broker.produce(List.of(new ProducerRecord<>("disc-a", 0, null, TransactionJson.bytes("a0"))));
        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopicPattern(java.util.regex.Pattern.compile("disc-.*")).setValueOnlyDeserializer(new SimpleStringSchema())
            .setProperty("partition.discovery.interval.ms", "200").build();
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").addSink(sink);
        dev.runnel.api.JobClient job = env.executeAsync("discovery");
        try {
            awaitValues(sink, "a0");
            broker.addPartitions("disc-a", 2);
            broker.createTopic("disc-b", 1);
            broker.produce(List.of(new ProducerRecord<>("disc-a", 1, null, TransactionJson.bytes("a1")),
                new ProducerRecord<>("disc-b", 0, null, TransactionJson.bytes("b0"))));
            awaitValues(sink, "a0", "a1", "b0");
        } finally {
            job.cancel();
            job.await();
        }
    }

    private static void awaitValues(CollectSink<String> sink, String... values) throws InterruptedException {
        Conditions.await(List.of(values).toString(), Duration.ofSeconds(30), () -> sink.values().containsAll(List.of(values)),
            () -> ", have " + sink.values());
        assertThat(sink.values()).containsExactlyInAnyOrder(values);
    }

    @Test
    void completedCheckpointsCommitTheirOffsetsToTheGroup() throws Exception {
        broker.createTopic("committed", 2);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(new ProducerRecord<>("committed", i % 2, null, TransactionJson.bytes("v" + i)));
        }
        broker.produce(records);
        StreamEnvironment env = StreamEnvironment.create();
        env.enableCheckpointing(java.time.Duration.ZERO, new dev.runnel.checkpoint.CheckpointStorage(java.nio.file.Files.createTempDirectory("ckpt"), 2));
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics("committed").setGroupId("committer").setValueOnlyDeserializer(new SimpleStringSchema())
            .setProperty("max.poll.records", "100").setBounded(OffsetsInitializer.latest()).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").addSink(v -> { });
        var result = env.execute("commit offsets");
        assertThat(result.checkpoints().completed()).isGreaterThan(2);
        Map<TopicPartition, Long> committed = broker.committedOffsets("committer");
        assertThat(committed).containsOnlyKeys(new TopicPartition("committed", 0), new TopicPartition("committed", 1));
        assertThat(committed.values()).allSatisfy(o -> assertThat(o).isBetween(1L, 1_000L));

        // a job starting from the group's committed offsets reads exactly what lies after them
        StreamEnvironment next = StreamEnvironment.create();
        KafkaSource<String> fromCommitted = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics("committed").setGroupId("committer").setValueOnlyDeserializer(new SimpleStringSchema())
            .setStartingOffsets(OffsetsInitializer.committedOffsets(dev.runnel.connector.kafka.source.OffsetResetStrategy.EARLIEST))
            .setBounded(OffsetsInitializer.latest()).build();
        List<String> rest = next.fromSource(fromCommitted, WatermarkStrategy.noWatermarks(), "kafka").executeAndCollect();
        assertThat((long) rest.size()).isEqualTo(2_000 - committed.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void anUnreachableBrokerFailsTheJobAfterTheApiTimeoutNamingTheServers() {
        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers("127.0.0.1:1")
            .setTopics("anything").setValueOnlyDeserializer(new SimpleStringSchema())
            .setProperty("default.api.timeout.ms", "1500").build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").addSink(v -> { });
        long start = System.nanoTime();
        assertThatThrownBy(() -> env.execute("unreachable"))
            .hasStackTraceContaining("no broker at 127.0.0.1:1 answered within 1500 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
    }
}
