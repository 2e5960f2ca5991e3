package dev.runnel.examples.alerts.webhook;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how a {@link WebhookChannel} delivers.
 *
 * @param url             the webhook (a Slack incoming webhook, PagerDuty's {@code https://events.pagerduty.com/v2/enqueue}, ...)
 * @param format          the JSON body the receiver expects
 * @param routingKey      PagerDuty's integration key (ignored for Slack)
 * @param maxAttempts     attempts per alert before it goes to the dead-letter file
 * @param initialBackoff  wait after the first failed attempt; doubled after each further one, up to {@code maxBackoff}
 * @param requestTimeout  an attempt without a response by then failed (the receiver may still have accepted it:
 *                        the retry carries the same idempotency key)
 * @param queueCapacity   alerts waiting for delivery; a full queue makes the job wait up to {@code enqueueTimeout}
 * @param deadLetters     JSON lines of alerts that could not be delivered, with the reason
 */
public record WebhookConfig(URI url, WebhookFormat format, String routingKey, int maxAttempts, Duration initialBackoff,
                            Duration maxBackoff, Duration requestTimeout, int queueCapacity, Duration enqueueTimeout,
                            Path deadLetters) {
    public WebhookConfig {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
    }

    /** Five attempts, 500 ms doubling to 30 s, 10 s per request, 10,000 queued alerts, 30 s to enqueue. */
    public static WebhookConfig of(URI url, WebhookFormat format, String routingKey, Path deadLetters) {
        return new WebhookConfig(url, format, routingKey, 5, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(10), 10_000, Duration.ofSeconds(30), deadLetters);
    }

    public WebhookConfig withRetries(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
        return new WebhookConfig(url, format, routingKey, maxAttempts, initialBackoff, maxBackoff, requestTimeout, queueCapacity,
            enqueueTimeout, deadLetters);
    }

    public WebhookConfig withQueue(int capacity, Duration enqueueTimeout) {
        return new WebhookConfig(url, format, routingKey, maxAttempts, initialBackoff, maxBackoff, requestTimeout, capacity,
            enqueueTimeout, deadLetters);
    }
}
