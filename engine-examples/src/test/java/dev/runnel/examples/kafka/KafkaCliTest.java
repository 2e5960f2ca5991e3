package dev.runnel.examples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.examples.CliRun;
import dev.runnel.kafka.broker.LocalBroker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples CLI against a real broker, as engine-examples/README.md's walk-through runs it:
 * {@code generate <scenario> --topic}, the detector from {@code --input-topic} to
 * {@code --output-topic} (bounded, with checkpoints, so exactly once), {@code consume} the output
 * topic; the alerts equal those of the same generated data read from a JSON-lines file.
 */
class KafkaCliTest {
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({"fraud, fraud, 4000", "cepfraud, cep, 3000", "logs, logs, 3000", "alerts, alerts, 3000"})
    void detectorFromTopicToTopicWritesTheAlertsOfTheFileRun(String example, String scenario, int events) {
        String servers = broker.bootstrapServers();
        Path file = dir.resolve(scenario + ".jsonl");
        assertThat(CliRun.of("generate", scenario, "--events", Integer.toString(events), "--seed", "5", "--out", file.toString()).exitCode()).isZero();
        CliRun fileRun = CliRun.of(example, "--input", file.toString(), "--quiet");
        assertThat(fileRun.exitCode()).isZero();
        assertThat(fileRun.lines()).as("the scenario's planted cases raise alerts").isNotEmpty();

        String in = example + "-events";
        String out = example + "-alerts";
        CliRun generated = CliRun.of("generate", scenario, "--events", Integer.toString(events), "--seed", "5",
            "--bootstrap-servers", servers, "--topic", in);
        assertThat(generated.exitCode()).as(generated.stderr()).isZero();
        assertThat(generated.lines()).singleElement().asString().startsWith("wrote topic " + in + ": ");
        CliRun detector = CliRun.of(example, "--bootstrap-servers", servers, "--input-topic", in, "--output-topic", out,
            "--bounded", "--checkpoint-dir", dir.resolve("checkpoints").toString(), "--checkpoint-interval", "200ms", "--quiet");
        assertThat(detector.exitCode()).as(detector.stderr()).isZero();
        assertThat(detector.lines()).as("the output went to the topic").isEmpty();
        CliRun consumed = CliRun.of("consume", "--bootstrap-servers", servers, "--topic", out);
        assertThat(consumed.exitCode()).as(consumed.stderr()).isZero();

        assertThat(normalized(consumed.lines())).isEqualTo(normalized(fileRun.lines()));
    }

    /**
     * Sorted, and without the watermark an alert reports: it is the minimum over the topic's four
     * partitions, so it depends on how far each partition was read when the alert fired (not on what fired).
     */
    private static List<String> normalized(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(" watermark=\\S+ \\S+", "")).sorted().toList();
    }
}
