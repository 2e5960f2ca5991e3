package dev.runnel.examples.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.examples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookCliTest {

    @Test
    void theAlertsExampleDeliversCriticalAlertsToAWebhookThatFailsOnceAndRecovers(@TempDir Path dir) throws Exception {
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> n == 1 ? 503 : 200, 0)) {
            Path deadLetters = dir.resolve("dl.jsonl");
            CliRun run = CliRun.of("alerts", "--webhook-url", receiver.url().toString(), "--webhook-format", "pagerduty",
                "--webhook-routing-key", "k1", "--webhook-dead-letters", deadLetters.toString(), "--quiet");

            assertThat(run.exitCode()).as(run.stderr()).isZero();
            assertThat(run.kind("CALLBACK")).isNotEmpty();
            assertThat(receiver.delivered).as("every critical alert, once").hasSize(run.kind("CALLBACK").size());
            assertThat(receiver.requests()).isEqualTo(run.kind("CALLBACK").size() + 1);
            assertThat(receiver.delivered.values()).allSatisfy(body -> assertThat(body).contains("\"severity\":\"critical\""));
            assertThat(deadLetters).doesNotExist();
            assertThat(run.stderr()).contains("WEBHOOK=" + run.kind("CALLBACK").size());
        }
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsAUsageError() {
        CliRun run = CliRun.of("alerts", "--webhook-url", "ftp://example.org/x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--webhook-url must be an http(s) URL");
    }

    @Test
    void anUnreachableWebhookLeavesEveryCriticalAlertInTheDeadLetterFile(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path deadLetters = dir.resolve("dl.jsonl");
        CliRun run = CliRun.of("alerts", "--webhook-url", "http://localhost:" + port + "/hook",
            "--webhook-dead-letters", deadLetters.toString(), "--quiet");
        assertThat(run.exitCode()).isZero();
        // WebhookConfig.of: 5 attempts, 0.5 s doubling; the CLI waits for them before it exits
        assertThat(Files.readAllLines(deadLetters)).hasSize(run.kind("CALLBACK").size())
            .allSatisfy(l -> assertThat(l).contains("gave up after 5 attempts"));
    }
}
