package dev.runnel.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.kafka.broker.LocalBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated transactions in a 4-partition topic, the S1 fraud detector, window sums and alerts
 * written exactly once with a checkpoint every 50 ms: what a {@code read_committed} consumer sees
 * equals the file-based run's output record for record.
 */
class ExactlyOnceEndToEndTest {
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
    void fraudDetectorFromKafkaToKafkaEqualsTheFileBasedRun() throws Exception {
        Path file = dir.resolve("transactions.jsonl");
        FraudPipeline.generate(file, 20_000, 11);
        List<String> expectedSums = new ArrayList<>();
        List<String> expectedAlerts = new ArrayList<>();
        FraudPipeline.runOnFile(file, expectedSums::add, expectedAlerts::add);
        assertThat(expectedAlerts).isNotEmpty();
        assertThat(expectedSums).hasSizeGreaterThan(10_000);

        broker.createTopic(FraudPipeline.INPUT, 4);
        broker.createTopic(FraudPipeline.SUMS, 4);
        broker.createTopic(FraudPipeline.ALERTS, 1);
        FraudPipeline.produce(broker, file);

        StreamEnvironment env = StreamEnvironment.create();
        env.enableCheckpointing(Duration.ofMillis(50), new CheckpointStorage(dir.resolve("checkpoints"), 3));
        FraudPipeline.define(env, broker.bootstrapServers(), "e2e", t -> t);
        var result = env.execute("fraud on kafka");

        List<String> sums = values(FraudPipeline.SUMS);
        List<String> alerts = values(FraudPipeline.ALERTS);
        assertThat(sorted(alerts)).isEqualTo(sorted(expectedAlerts));
        assertThat(sums).hasSameSizeAs(expectedSums);
        assertThat(sorted(sums).equals(sorted(expectedSums))).as("window sums equal the file run's, record for record").isTrue();
        assertThat(result.checkpoints().completed()).as("output committed checkpoint by checkpoint, not only at the end").isGreaterThan(3);
    }

    private static List<String> values(String topic) throws InterruptedException {
        return broker.readCommitted(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
