package dev.runnel.examples.alerts;

import dev.runnel.examples.alerts.webhook.WebhookChannel;
import dev.runnel.examples.alerts.webhook.WebhookConfig;
import dev.runnel.examples.alerts.webhook.WebhookFormat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.sink.FileSink;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.io.Input;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code alerts}: the CLI wiring of {@link AlertRouting}. The console channel is the report
 * (CONSOLE lines), the file channel the file named by {@code --channel-file} (without it, FILE lines
 * in the report: a run never leaves a file the user did not ask for), and the callback channel a
 * function that the CLI uses to print CALLBACK lines — in an application it would page someone.
 */
public final class AlertRoutingCommand implements Example {
    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String description() {
        return "S6 alert routing: rules send alerts to console/file/callback; repeats within 5 min are suppressed";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("alerts.csv");
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.duration("suppression", "5m", "a repeat of the same rule and severity within this is suppressed"),
            Option.text("channel-file", "FILE", null, "the file channel's file (without it: FILE lines in the output)"),
            Option.flag("show-suppressed", "also print suppressed repeats (SUPPRESSED)"),
            Option.text("webhook-url", "URL", null, "deliver CRITICAL alerts to this HTTP webhook too (WEBHOOK channel)"),
            Option.choice("webhook-format", "slack", "the webhook's JSON body", "slack", "pagerduty"),
            Option.text("webhook-routing-key", "KEY", null, "PagerDuty integration key (with --webhook-format pagerduty)"),
            Option.text("webhook-dead-letters", "FILE", "webhook-dead-letters.jsonl", "alerts the webhook could not deliver, as JSON lines"));
    }

    /** The webhook channel, drained when the report closes (after the job); WEBHOOK counts alerts handed to it. */
    private static Sink<Alert> webhook(Args args, Report report) {
        java.net.URI url;
        try {
            url = java.net.URI.create(args.string("webhook-url", null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--webhook-url must be an http(s) URL: " + e.getMessage());
        }
        if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
            throw new IllegalArgumentException("--webhook-url must be an http(s) URL, got '" + url + "'");
        }
        WebhookFormat format = args.choice("webhook-format", "slack").equals("pagerduty") ? WebhookFormat.PAGERDUTY : WebhookFormat.SLACK;
        WebhookChannel channel = new WebhookChannel(WebhookConfig.of(url, format, args.string("webhook-routing-key", null),
            Path.of(args.string("webhook-dead-letters", "webhook-dead-letters.jsonl"))));
        report.closeWithReport(channel);
        Sink<Alert> counter = report.counter("WEBHOOK");
        return alert -> {
            channel.invoke(alert);
            counter.invoke(alert);
        };
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        AlertRouting.Config d = AlertRouting.Config.defaults();
        AlertRouting.Config config = new AlertRouting.Config(d.rules(), args.duration("suppression", d.suppression()), d.outOfOrderness());
        DataStream<Alert> alerts = AlertRouting.read(env, input.source(args.zone("zone", ZoneId.of("UTC")), Alert.COLUMNS, Alert::parse), config);
        alerts.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        Map<Channel, Sink<Alert>> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.CONSOLE, report.sink("CONSOLE"));
        channels.put(Channel.FILE, args.has("channel-file")
            ? report.counting("FILE", FileSink.lines(Path.of(args.string("channel-file", null)), Alert::toString))
            : report.sink("FILE"));
        channels.put(Channel.CALLBACK, report.sink("CALLBACK"));
        if (args.has("webhook-url")) {
            channels.put(Channel.WEBHOOK, webhook(args, report));
        }
        DataStream<Alert> suppressed = AlertRouting.route(alerts, config, channels);
        suppressed.addSink(args.has("show-suppressed") ? report.sink("SUPPRESSED") : report.counter("SUPPRESSED"));
    }
}
