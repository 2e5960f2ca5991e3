package dev.runnel.examples.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRoutingTest {
    private static final long T0 = 1_715_421_600_000L; // 2024-05-11 10:00:00 UTC

    @Test
    void withoutChannelFileTheFileChannelGoesToTheOutputAndNoFileIsLeftBehind() {
        Path surprise = Path.of("routed-alerts.log").toAbsolutePath();
        boolean existedBefore = Files.exists(surprise);

        CliRun run = CliRun.of("alerts", "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("FILE")).containsExactly(
            "FILE HIGH disk-full at 2024-05-11T10:00:00Z: /var at 95%",
            "FILE CRITICAL cpu-high at 2024-05-11T10:03:00Z: cpu 99% on db-1",
            "FILE LOW cpu-high at 2024-05-11T10:04:00Z: cpu 85% on web-3",
            "FILE HIGH disk-full at 2024-05-11T10:06:00Z: /var at 97%");
        assertThat(Files.exists(surprise)).as("a file in the working directory").isEqualTo(existedBefore);
    }

    @Test
    void bundledSampleIsRoutedByRuleAndTheRepeatIsSuppressed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("channel.log");
        CliRun run = CliRun.of("alerts", "--quiet", "--show-suppressed", "--channel-file", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("CONSOLE")).containsExactly(
            "CONSOLE HIGH disk-full at 2024-05-11T10:00:00Z: /var at 95%",
            "CONSOLE CRITICAL cpu-high at 2024-05-11T10:03:00Z: cpu 99% on db-1",
            "CONSOLE HIGH disk-full at 2024-05-11T10:06:00Z: /var at 97%");
        assertThat(run.kind("CALLBACK")).containsExactly("CALLBACK CRITICAL cpu-high at 2024-05-11T10:03:00Z: cpu 99% on db-1");
        assertThat(run.kind("SUPPRESSED")).containsExactly("SUPPRESSED HIGH disk-full at 2024-05-11T10:02:00Z: /var at 96%");
        assertThat(run.kind("DEAD_LETTER")).containsExactly("DEAD_LETTER samples/alerts.csv:7: unknown severity 'urgent'; "
            + "expected low, medium, high or critical [disk-full,urgent,/var at 99%,2024-05-11 10:07:00]");
        assertThat(Files.readAllLines(file)).containsExactly(
            "HIGH disk-full at 2024-05-11T10:00:00Z: /var at 95%",
            "CRITICAL cpu-high at 2024-05-11T10:03:00Z: cpu 99% on db-1",
            "LOW cpu-high at 2024-05-11T10:04:00Z: cpu 85% on web-3",
            "HIGH disk-full at 2024-05-11T10:06:00Z: /var at 97%");
    }

    @Test
    void theRouterCountsDeliveredAndSuppressedAlertsBySeverityInItsMetrics() {
        ScriptedSource<Alert> source = ScriptedSource.create();
        source.event(new Alert("db-down", Severity.CRITICAL, "first", T0), T0)
            .event(new Alert("db-down", Severity.CRITICAL, "repeat", T0 + 60_000), T0 + 60_000)   // within 5 min: suppressed
            .event(new Alert("disk", Severity.LOW, "low", T0 + 120_000), T0 + 120_000)
            .event(new Alert("disk", Severity.HIGH, "high", T0 + 180_000), T0 + 180_000);
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Alert> alerts = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        Map<Channel, Sink<Alert>> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.CALLBACK, a -> { });
        AlertRouting.route(alerts, AlertRouting.Config.defaults(), channels).addSink(new CollectSink<>());
        dev.runnel.api.JobResult result = env.execute("alerts-metrics");

        List<String> metrics = result.operator("alert-router").get(0).userMetrics().stream()
            .filter(m -> m.value() > 0)
            .map(m -> m.name() + m.labels() + "=" + m.value().longValue()).toList();
        assertThat(metrics).containsExactlyInAnyOrder(
            "alerts{severity=CRITICAL}=1", "alerts{severity=HIGH}=1", "alerts{severity=LOW}=1", "alertsSuppressed{severity=CRITICAL}=1");
        assertThat(result.operator("alert-router").get(0).userMetrics()).as("every severity registered up front").hasSize(8);
    }

    @Test
    void aSteadyStormIsDeliveredOncePerSuppressionInterval() {
        ScriptedSource<Alert> source = ScriptedSource.create();
        for (int minute = 0; minute <= 12; minute++) {
            long t = T0 + minute * 60_000L;
            source.event(new Alert("db-down", Severity.CRITICAL, "minute " + minute, t), t);
        }
        List<Alert> callbacks = new CopyOnWriteArrayList<>();
        CollectSink<Alert> suppressed = new CollectSink<>();

        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Alert> alerts = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        Map<Channel, Sink<Alert>> channels = new EnumMap<>(Channel.class);
        channels.put(Channel.CALLBACK, callbacks::add);
        AlertRouting.route(alerts, AlertRouting.Config.defaults(), channels).addSink(suppressed);
        env.execute("alerts-test");

        // delivered at minutes 0, 5, 10: each a full 5 minutes after the last delivery
        assertThat(callbacks).extracting(Alert::message).containsExactly("minute 0", "minute 5", "minute 10");
        assertThat(suppressed.values()).hasSize(10);
    }
}
