package dev.runnel.examples.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.examples.alerts.Alert;
import dev.runnel.examples.alerts.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<Alert> alerts(int n) {
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Alert("cpu-high", Severity.values()[i % 4], "cpu 9" + i + "% on db-" + i, 1_715_421_600_000L + i * 1000L));
        }
        return out;
    }

    private WebhookConfig config(ScriptedReceiver receiver, WebhookFormat format) {
        return WebhookConfig.of(receiver.url(), format, "routing-key-1", dir.resolve("dead-letters.jsonl"))
            .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(500));
    }

    private List<String> deadLetterLines() throws Exception {
        Path p = dir.resolve("dead-letters.jsonl");
        return Files.exists(p) ? Files.readAllLines(p) : List.of();
    }

    @Test
    void aReceiverThatFailsAndRecoversGetsEveryAlertOnceInOrder() throws Exception {
        // requests 1-3 fail (503, 500, 429), then every one succeeds
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> n <= 3 ? new int[] {503, 500, 429}[n - 1] : 200, 0)) {
            WebhookChannel channel = new WebhookChannel(config(receiver, WebhookFormat.SLACK));
            List<Alert> sent = alerts(5);
            for (Alert a : sent) {
                channel.invoke(a);
            }
            channel.close(Duration.ofSeconds(10));

            assertThat(channel.delivered()).isEqualTo(5);
            assertThat(channel.retries()).isEqualTo(3);
            assertThat(channel.deadLettered()).isZero();
            assertThat(deadLetterLines()).isEmpty();
            assertThat(receiver.delivered.keySet()).containsExactlyElementsOf(sent.stream().map(IdempotencyKey::of).toList());
            assertThat(JSON.readTree(receiver.delivered.values().iterator().next()).get("text").asText())
                .startsWith("[LOW] cpu-high at 2024-05-11T10:00:00Z: cpu 90% on db-0");
        }
    }

    @Test
    void aRetryAfterATimeoutTheReceiverHadAcceptedIsNotDeliveredTwice() throws Exception {
        // request 1: the receiver takes the alert but answers after the sender's 500 ms timeout; the retry succeeds
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> n == 1 ? ScriptedReceiver.ACCEPT_THEN_STALL : 200, 1500)) {
            WebhookChannel channel = new WebhookChannel(config(receiver, WebhookFormat.PAGERDUTY));
            Alert alert = alerts(1).get(0);
            channel.invoke(alert);
            channel.close(Duration.ofSeconds(10));

            String key = IdempotencyKey.of(alert);
            assertThat(receiver.keysSeen).as("sent twice, with the same key").containsExactly(key, key);
            assertThat(receiver.delivered).as("delivered once").hasSize(1).containsKey(key);
            assertThat(channel.delivered()).isEqualTo(1);
            assertThat(channel.retries()).isEqualTo(1);
            assertThat(deadLetterLines()).isEmpty();
            JsonNode body = JSON.readTree(receiver.delivered.get(key));
            assertThat(body.get("event_action").asText()).isEqualTo("trigger");
            assertThat(body.get("dedup_key").asText()).isEqualTo(key);
            assertThat(body.get("routing_key").asText()).isEqualTo("routing-key-1");
            assertThat(body.get("payload").get("severity").asText()).isEqualTo("info");
            assertThat(body.get("payload").get("timestamp").asText()).isEqualTo("2024-05-11T10:00:00Z");
        }
    }

    @Test
    void aReceiverDownForGoodSendsEveryAlertToTheDeadLetterFileAndNoneIsLost() throws Exception {
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> 503, 0)) {
            WebhookChannel channel = new WebhookChannel(config(receiver, WebhookFormat.SLACK));
            List<Alert> sent = alerts(3);
            for (Alert a : sent) {
                channel.invoke(a);
            }
            channel.close(Duration.ofSeconds(10));

            assertThat(receiver.requests()).isEqualTo(3 * 4);
            assertThat(channel.delivered()).isZero();
            assertThat(channel.deadLettered()).isEqualTo(3);
            List<String> lines = deadLetterLines();
            assertThat(lines).hasSize(3);
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.get("idempotencyKey").asText()).isEqualTo(IdempotencyKey.of(sent.get(0)));
            assertThat(first.get("attempts").asInt()).isEqualTo(4);
            assertThat(first.get("reason").asText()).contains("gave up after 4 attempts", "HTTP 503");
        }
    }

    @Test
    void aRejectedAlertIsNotRetried() throws Exception {
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> 400, 0)) {
            WebhookChannel channel = new WebhookChannel(config(receiver, WebhookFormat.PAGERDUTY));
            channel.invoke(alerts(1).get(0));
            channel.close(Duration.ofSeconds(10));
            assertThat(receiver.requests()).isEqualTo(1);
            assertThat(deadLetterLines()).singleElement().asString().contains("rejected, not retried: HTTP 400");
        }
    }

    @Test
    void aFullQueueMakesTheSenderWaitThenDeadLettersWhatDoesNotFit() throws Exception {
        // every answer takes 300 ms: the queue of 2 fills, the job waits 50 ms, the rest is written to the dead letters
        try (ScriptedReceiver receiver = new ScriptedReceiver(n -> ScriptedReceiver.ACCEPT_THEN_STALL, 300)) {
            WebhookConfig config = WebhookConfig.of(receiver.url(), WebhookFormat.SLACK, null, dir.resolve("dead-letters.jsonl"))
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(5))
                .withQueue(2, Duration.ofMillis(50));
            WebhookChannel channel = new WebhookChannel(config);
            List<Alert> sent = alerts(8);
            for (Alert a : sent) {
                channel.invoke(a);
            }
            channel.close(Duration.ofSeconds(10));

            assertThat(channel.deadLettered()).isPositive();
            assertThat(channel.delivered() + channel.deadLettered()).as("no alert lost").isEqualTo(8);
            assertThat(deadLetterLines()).hasSize((int) channel.deadLettered())
                .allSatisfy(l -> assertThat(l).contains("queue full (2 alerts)"));
            assertThat(receiver.delivered).hasSize((int) channel.delivered());
        }
    }
}
