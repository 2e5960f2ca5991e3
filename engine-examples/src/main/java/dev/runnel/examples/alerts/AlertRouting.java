package dev.runnel.examples.alerts;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cli.Example;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * S6, alert routing: alerts (from any detector, or a file) are routed by rules to channels —
 * console, file, callback — and a repeat of the same rule and severity within 5 minutes of event
 * time is suppressed.
 */
public final class AlertRouting {
    /** Repeats that were not delivered. */
    public static final OutputTag<Alert> SUPPRESSED = OutputTag.of("suppressed-alerts", Alert.class);

    public record Config(List<RoutingRule> rules, Duration suppression, Duration outOfOrderness) {
        public static Config defaults() {
            return new Config(RoutingRule.defaults(), Duration.ofMinutes(5), Duration.ofSeconds(5));
        }
    }

    private AlertRouting() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("alerts", args));
    }

    public static DataStream<Alert> read(StreamEnvironment env, Source<Alert> source, Config config) {
        return env.fromSource(source,
            WatermarkStrategy.<Alert>forBoundedOutOfOrderness(config.outOfOrderness())
                .withPerRecordEmission().withTimestampAssigner((a, ts) -> a.timestamp()), Example.SOURCE_NAME);
    }

    /** Routes {@code alerts} to {@code channels}; returns the suppressed repeats. */
    public static DataStream<Alert> route(DataStream<Alert> alerts, Config config, Map<Channel, Sink<Alert>> channels) {
        DataStream<RoutedAlert> routed = alerts
            .keyBy(Alert::repeatKey)
            .process(new AlertRouter(config.rules(), config.suppression()))
            .name("alert-router");
        for (Channel channel : Channel.values()) {
            Sink<Alert> sink = channels.get(channel);
            if (sink != null) {
                routed.filter(r -> r.channel() == channel).map(RoutedAlert::alert).addSink(sink).name("channel-" + channel);
            }
        }
        return routed.getSideOutput(SUPPRESSED);
    }
}
