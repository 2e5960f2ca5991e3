package dev.runnel.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.checkpoint.KillNine;
import dev.runnel.kafka.broker.LocalBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: the Kafka-to-Kafka fraud detector runs in a child JVM that is killed with SIGKILL at
 * random records five times and restarted from its checkpoints each time (the broker lives on in
 * this JVM). What a {@code read_committed} consumer then sees in the window-sums topic equals an
 * uninterrupted run's output record for record: no duplicate, no gap.
 */
class KafkaKillNineTest {
    private static final long EVENTS = 20_000;
    private static LocalBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void killedFiveTimesAtRandomRecordsTheCommittedOutputEqualsTheUninterruptedRun() throws Exception {
        Path file = dir.resolve("transactions.jsonl");
        FraudPipeline.generate(file, EVENTS, 23);
        List<String> expectedSums = new ArrayList<>();
        List<String> expectedAlerts = new ArrayList<>();
        FraudPipeline.runOnFile(file, expectedSums::add, expectedAlerts::add);
        broker.createTopic(FraudPipeline.INPUT, 4);
        broker.createTopic(FraudPipeline.SUMS, 4);
        broker.createTopic(FraudPipeline.ALERTS, 1);
        FraudPipeline.produce(broker, file);

        Path checkpoints = dir.resolve("checkpoints");
        KillNine.killRestartAndCompare(dir, () -> committed(FraudPipeline.SUMS), 20_261_207, 5, 300, 3_000,
            expectedSums.stream().sorted().toList(), pause -> List.of(KafkaKillNineJob.class.getName(),
                broker.bootstrapServers(), checkpoints.toString(), Long.toString(pause)));
        assertThat(committed(FraudPipeline.ALERTS)).isEqualTo(expectedAlerts.stream().sorted().toList());
    }

    /** Sorted: the sink's records land in partitions by Kafka's partitioner, so only each partition has an order. */
    private static List<String> committed(String topic) throws InterruptedException {
        return broker.readCommitted(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).sorted().toList();
    }
}
