package dev.runnel.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.JobClient;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import dev.runnel.kafka.broker.LocalBroker;
import dev.runnel.runtime.OperatorMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka source at parallelism 2 reads its four partitions with two readers, two partitions each;
 * restored from its checkpoint at parallelism 3 and at 1, the partitions are spread anew and every
 * reader continues each partition exactly at the checkpointed offset: the records produced after
 * the checkpoint are read once each, none lost, none read again.
 */
class ParallelKafkaSourceTest {
    private static final String TOPIC = "spread";
    private static final int PARTITIONS = 4;
    private static LocalBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
        broker.createTopic(TOPIC, PARTITIONS);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void partitionsAreSpreadOverReadersAndRedistributedOnARestoreAtAnotherParallelism() throws Exception {
        assertThat(List.of(0, 1, 2, 3).stream().map(p -> KafkaSource.owner(new TopicPartition(TOPIC, p), 2)).toList())
            .as("two partitions per reader at parallelism 2").containsOnly(0, 1).hasSize(4)
            .filteredOn(o -> o == 0).hasSize(2);
        produce(0, 250);
        Path checkpoints = dir.resolve("p2");
        Queue<String> first = new ConcurrentLinkedQueue<>();
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2)
            .enableCheckpointing(Duration.ofMillis(50), new CheckpointStorage(checkpoints, 3));
        env.fromSource(source(false), WatermarkStrategy.noWatermarks(), "kafka").addSink(first::add);
        JobClient job = env.executeAsync("p2");
        try {
            awaitTrue(() -> first.size() == 1000);
            long seen = job.checkpointStats().completed();
            // a checkpoint taken after everything was read holds each partition's end: 250
            awaitTrue(() -> job.checkpointStats().completed() >= seen + 2);
            List<OperatorMetrics> readers = job.operatorMetrics().stream().filter(m -> m.operatorName().equals("kafka")).toList();
            assertThat(readers).extracting(OperatorMetrics::numRecordsIn).containsExactly(500L, 500L);
        } finally {
            job.cancel();
            job.await();
        }
        assertThat(first).hasSize(1000).doesNotHaveDuplicates();

        produce(250, 500);
        Path copy = dir.resolve("copy");
        copyDirectory(checkpoints, copy);
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 250; i < 500; i++) {
                expected.add(p + "-" + i);
            }
        }
        assertThat(restoreAndReadToTheEnd(checkpoints, 3)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(restoreAndReadToTheEnd(copy, 1)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Restores {@code checkpoints} at {@code parallelism} and reads what the topic holds now. */
    private List<String> restoreAndReadToTheEnd(Path checkpoints, int parallelism) throws Exception {
        Queue<String> read = new ConcurrentLinkedQueue<>();
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).fromCheckpoint(checkpoints);
        env.fromSource(source(true), WatermarkStrategy.noWatermarks(), "kafka").addSink(read::add);
        JobResult result = env.execute("restored at " + parallelism);
        assertThat(result.operator("kafka")).as("one reader per subtask").hasSize(parallelism);
        return new ArrayList<>(read);
    }

    private static KafkaSource<String> source(boolean bounded) {
        var builder = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers()).setTopics(TOPIC)
            .setStartingOffsets(OffsetsInitializer.earliest()).setValueOnlyDeserializer(new SimpleStringSchema());
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Records {@code partition-offset} for offsets [from, to) of every partition. */
    private static void produce(int from, int to) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = from; i < to; i++) {
                records.add(new ProducerRecord<>(TOPIC, p, null, (p + "-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        broker.produce(records);
    }

    private static void copyDirectory(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Conditions.await("the condition", Duration.ofSeconds(60), condition);
    }
}
