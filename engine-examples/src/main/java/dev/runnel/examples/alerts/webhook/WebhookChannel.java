package dev.runnel.examples.alerts.webhook;

import dev.runnel.api.functions.Sink;
import dev.runnel.examples.alerts.Alert;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S6 HTTP webhook channel: a sink that hands alerts to a bounded queue and a delivery thread that POSTs each
 * one (Slack or PagerDuty JSON), retrying with exponential back-off. Every alert ends in exactly one of two places:
 * delivered (a 2xx) or the dead-letter file (attempts exhausted, a 4xx the receiver will never accept, the queue
 * full for longer than {@code enqueueTimeout}, or still queued at {@link #close()}). Each attempt carries the
 * alert's {@link IdempotencyKey}, so a retry of a request the receiver accepted but whose answer was lost (a
 * timeout) is recognised by a deduplicating receiver instead of paging twice.
 *
 * <p>One instance is shared by every subtask that writes to it (it is not a {@code RichFunction}, so it is not
 * copied): {@link #invoke} is thread-safe. Alerts are delivered one at a time, in the order they were queued.
 */
public final class WebhookChannel implements Sink<Alert>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);

    private final WebhookConfig config;
    private final BlockingQueue<Alert> queue;
    private final DeadLetterFile deadLetters;
    private final HttpClient http;
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean closing;

    public WebhookChannel(WebhookConfig config) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.deadLetters = new DeadLetterFile(config.deadLetters());
        this.http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        this.worker = new Thread(this::deliverLoop, "runnel-webhook-" + config.url().getHost());
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues the alert; when the queue stays full for {@code enqueueTimeout}, the alert goes to the dead letters. */
    @Override
    public void invoke(Alert alert) throws InterruptedException {
        if (closing) {
            deadLetter(alert, 0, "channel closed before the alert was queued");
            return;
        }
        if (!queue.offer(alert, config.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            deadLetter(alert, 0, "queue full (" + config.queueCapacity() + " alerts) for " + config.enqueueTimeout());
        }
    }

    private void deliverLoop() {
        while (!closing || !queue.isEmpty()) {
            Alert alert;
            try {
                alert = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break; // close() gave up waiting: what is left goes to the dead letters there
            }
            if (alert == null) {
                continue;
            }
            try {
                deliver(alert);
            } catch (InterruptedException e) {
                deadLetter(alert, 0, "channel closed during delivery");
                break;
            }
        }
    }

    private void deliver(Alert alert) throws InterruptedException {
        String key = IdempotencyKey.of(alert);
        HttpRequest request = HttpRequest.newBuilder(config.url())
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(config.format().render(alert, key, config.routingKey())))
            .build();
        Duration backoff = config.initialBackoff();
        String lastError = "";
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retries.incrementAndGet();
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
                lastError = "HTTP " + status + ": " + abbreviate(response.body());
                if (status / 100 == 4 && status != 408 && status != 429) {
                    deadLetter(alert, attempt, "rejected, not retried: " + lastError);
                    return;
                }
            } catch (HttpTimeoutException e) {
                lastError = "no response within " + config.requestTimeout() + " (the receiver may have accepted it: retried with the same key)";
            } catch (IOException e) {
                lastError = e.toString();
            }
            LOG.debug("Webhook attempt {} for {} failed: {}", attempt, key, lastError);
        }
        deadLetter(alert, config.maxAttempts(), "gave up after " + config.maxAttempts() + " attempts; last: " + lastError);
    }

    private void deadLetter(Alert alert, int attempts, String reason) {
        LOG.warn("Alert not delivered to {}, written to {}: {} ({})", config.url(), config.deadLetters(), alert, reason);
        deadLetters.write(alert, IdempotencyKey.of(alert), attempts, reason);
        deadLettered.incrementAndGet();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** Alerts the receiver accepted (2xx). */
    public long delivered() {
        return delivered.get();
    }

    /** Attempts after the first, over all alerts. */
    public long retries() {
        return retries.get();
    }

    /** Alerts written to the dead-letter file. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /**
     * Delivers what is queued (retries included), waiting at most {@code timeout}; then stops, and what is still
     * queued or in delivery goes to the dead-letter file. No alert is dropped.
     */
    public void close(Duration timeout) throws InterruptedException {
        closing = true;
        worker.join(timeout.toMillis());
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join();
        }
        for (Alert left; (left = queue.poll()) != null; ) {
            deadLetter(left, 0, "still queued when the channel closed");
        }
    }

    /** {@link #close(Duration)} with enough time for every attempt of one alert and then some. */
    @Override
    public void close() throws InterruptedException {
        close(config.maxBackoff().multipliedBy(config.maxAttempts()).plus(config.requestTimeout().multipliedBy(config.maxAttempts())));
    }
}
