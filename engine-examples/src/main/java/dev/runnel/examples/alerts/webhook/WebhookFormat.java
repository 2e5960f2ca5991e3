package dev.runnel.examples.alerts.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runnel.examples.alerts.Alert;
import dev.runnel.examples.alerts.Severity;
import java.time.Instant;

/** The JSON bodies of the receivers Runnel's alerts go to. */
public enum WebhookFormat {
    /**
     * A Slack incoming webhook: {@code {"text": ...}}. Slack does not deduplicate; the idempotency key is in the
     * {@code Idempotency-Key} header and the text, for a relay in front of Slack that does.
     */
    SLACK {
        @Override
        ObjectNode body(Alert alert, String idempotencyKey, String routingKey) {
            ObjectNode body = JSON.createObjectNode();
            body.put("text", "[" + alert.severity() + "] " + alert.rule() + " at " + Instant.ofEpochMilli(alert.timestamp()) + ": "
                + alert.message() + " (key " + idempotencyKey + ")");
            return body;
        }
    },
    /**
     * PagerDuty Events API v2 ({@code /v2/enqueue}): a {@code trigger} whose {@code dedup_key} is the idempotency
     * key, so PagerDuty itself folds a retried event into the one it already accepted.
     */
    PAGERDUTY {
        @Override
        ObjectNode body(Alert alert, String idempotencyKey, String routingKey) {
            ObjectNode body = JSON.createObjectNode();
            body.put("routing_key", routingKey == null ? "" : routingKey);
            body.put("event_action", "trigger");
            body.put("dedup_key", idempotencyKey);
            ObjectNode payload = body.putObject("payload");
            payload.put("summary", alert.rule() + ": " + alert.message());
            payload.put("source", "runnel");
            payload.put("severity", pagerDutySeverity(alert.severity()));
            payload.put("timestamp", Instant.ofEpochMilli(alert.timestamp()).toString());
            ObjectNode details = payload.putObject("custom_details");
            details.put("rule", alert.rule());
            details.put("message", alert.message());
            return body;
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract ObjectNode body(Alert alert, String idempotencyKey, String routingKey);

    /** The request body for {@code alert}. */
    public String render(Alert alert, String idempotencyKey, String routingKey) {
        return body(alert, idempotencyKey, routingKey).toString();
    }

    /** PagerDuty knows critical, error, warning and info. */
    static String pagerDutySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "info";
        };
    }
}
