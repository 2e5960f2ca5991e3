package dev.runnel.examples.alerts;

/** Where a routed alert is delivered. */
public enum Channel {
    CONSOLE, FILE, CALLBACK,
    /** An HTTP webhook (Slack, PagerDuty): {@link dev.runnel.examples.alerts.webhook.WebhookChannel}. */
    WEBHOOK
}
