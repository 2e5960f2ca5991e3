package dev.runnel.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import dev.runnel.kafka.broker.LocalBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source's per-partition offsets and lag on the Prometheus endpoint, under Flink's names with
 * topic and partition as labels: scraped while the job is held at a known record, then once it has
 * read everything and a checkpoint has committed the offsets.
 */
class KafkaSourceMetricsTest {
    private static final String SERIES = "{job=\"lag\",operator=\"kafka\",partition=\"0\",subtask=\"0\",topic=\"metered\"}";
    /** Held by the job's map at record v39: the source (same thread) stops with its next offset at 40. */
    private static final CountDownLatch HELD = new CountDownLatch(1);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
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

    @Test
    void lagAndOffsetsPerPartitionAreScrapedFromThePrometheusEndpoint() throws Exception {
        broker.createTopic("metered", 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(new ProducerRecord<>("metered", 0, null, ("v" + i).getBytes(StandardCharsets.UTF_8)));
        }
        broker.produce(records);

        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0)
            .enableCheckpointing(Duration.ofMillis(100), new CheckpointStorage(dir, 2));
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics("metered").setGroupId("metered-reader").setStartingOffsets(OffsetsInitializer.earliest())
            .setValueOnlyDeserializer(new SimpleStringSchema()).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka").map(v -> {
            if (v.equals("v39")) {
                HELD.countDown();
                RELEASE.await();
            }
            return v;
        }).name("hold").addSink(v -> {});
        JobClient job = env.executeAsync("lag");
        try {
            URI endpoint = job.metricsEndpoint().orElseThrow();
            HELD.await();
            String held = getUntil(endpoint, m -> m.contains("runnel_operator_KafkaSourceReader_records_lag" + SERIES));
            assertThat(sample(held, "currentOffset")).isEqualTo(39);
            assertThat(sample(held, "records_lag")).isEqualTo(60);
            // nothing committed past the start: a checkpoint may complete before the first fetch arrives (offset 0), none while held
            assertThat(sample(held, "committedOffset")).isIn(-1L, 0L);
            assertThat(held).contains("runnel_operator_pendingRecords{job=\"lag\",operator=\"kafka\",subtask=\"0\"} 60");

            RELEASE.countDown();
            String caughtUp = getUntil(endpoint, m -> value(m, "committedOffset") == 100 && value(m, "records_lag") == 0);
            assertThat(sample(caughtUp, "currentOffset")).isEqualTo(99);
            assertThat(caughtUp).contains("runnel_operator_pendingRecords{job=\"lag\",operator=\"kafka\",subtask=\"0\"} 0");
        } finally {
            RELEASE.countDown();
            job.cancel();
            job.await();
        }
    }

    private static long sample(String metrics, String gauge) {
        long v = value(metrics, gauge);
        assertThat(v).as(gauge + " in\n" + metrics).isNotEqualTo(Long.MIN_VALUE);
        return v;
    }

    /** The partition's value of {@code runnel_operator_KafkaSourceReader_<gauge>}, Long.MIN_VALUE if absent. */
    private static long value(String metrics, String gauge) {
        Matcher m = Pattern.compile("^runnel_operator_KafkaSourceReader_" + gauge + Pattern.quote(SERIES) + " (\\S+)$",
            Pattern.MULTILINE).matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : Long.MIN_VALUE;
    }

    private static String getUntil(URI endpoint, Predicate<String> done) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[] last = {""};
        Conditions.await("the metrics to show what was waited for", Duration.ofSeconds(30), () -> {
            try {
                last[0] = http.send(HttpRequest.newBuilder(endpoint.resolve("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError("scraping " + endpoint, e);
            }
            return done.test(last[0]);
        }, () -> "; last scrape:\n" + last[0]);
        return last[0];
    }
}
