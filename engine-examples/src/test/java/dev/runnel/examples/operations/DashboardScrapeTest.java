package dev.runnel.examples.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.api.DataStream;
import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.ManualClock;
import dev.runnel.examples.cepfraud.CepFraudDetection;
import dev.runnel.examples.cepfraud.UserEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations/grafana-dashboard.json is importable as is and every metric its queries name is in a real
 * scrape of a running example job (S3, CEP fraud: a source, keyed process functions, CEP patterns and a window),
 * fed a scripted input on a manual clock and held running at the end of its script while it is scraped.
 */
class DashboardScrapeTest {
    private static final Path DASHBOARD = Path.of("..", "docs", "operations", "grafana-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("\\brunnel_[A-Za-z0-9_]+");

    @Test
    void everyMetricTheDashboardQueriesIsInAScrapeOfARunningExampleJob() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> queries = queries(dashboard);
        Set<String> wanted = new TreeSet<>();
        for (String q : queries) {
            Matcher m = METRIC.matcher(q);
            while (m.find()) {
                wanted.add(m.group());
            }
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        assertThat(wanted).hasSizeGreaterThanOrEqualTo(20).contains("runnel_operator_cep_partialMatches", "runnel_operator_watermarkLag",
            "runnel_operator_backPressuredTimeMsPerSecond", "runnel_operator_busyTimeMsPerSecond", "runnel_operator_alerts",
            "runnel_operator_numLateRecordsToSideOutput", "runnel_operator_numKeyedStateEntries");

        // a scripted input, then the job held running until the scrape is done: at parallelism 1 the job is
        // one thread, so once the source has handed over its last step every operator has opened and seen
        // every event and watermark, and the scrape finds every series there is to find
        ScriptedSource<UserEvent> script = ScriptedSource.create();
        for (long i = 0; i < 3_000; i++) {
            UserEvent e = event(i);
            script.event(e, e.timestamp());
        }
        HeldAtEnd<UserEvent> source = new HeldAtEnd<>(script);
        StreamEnvironment env = StreamEnvironment.create(new ManualClock(1_700_000_300_000L)).enableMetricsEndpoint(0);
        DataStream<UserEvent> events = CepFraudDetection.read(env, source, CepFraudDetection.Config.defaults());
        CepFraudDetection.Outputs outputs = CepFraudDetection.detect(events, CepFraudDetection.Config.defaults());
        outputs.alerts().addSink(a -> { });
        outputs.sessions().addSink(s -> { });
        JobClient job = env.executeAsync("cepfraud");
        try {
            assertThat(source.reached.await(30, TimeUnit.SECONDS)).as("the source handed over its script").isTrue();
            URI metrics = job.metricsEndpoint().orElseThrow().resolve("/metrics");
            Set<String> present = names(get(metrics));
            assertThat(job.isDone()).as("scraped while running").isFalse();
            assertThat(present).as("metrics in the scrape").containsAll(wanted);
        } finally {
            source.release.countDown();
            job.await();
        }
    }

    /** A source that plays its script, then holds its task until the test lets it end. */
    private static final class HeldAtEnd<T> implements Source<T> {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final ScriptedSource<T> script;

        HeldAtEnd(ScriptedSource<T> script) {
            this.script = script;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public void open(SourceContext context) {
            script.open(context);
        }

        @Override
        public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws InterruptedException {
            SourceStatus status = script.poll(output, maxRecords);
            if (status == SourceStatus.END_OF_INPUT) {
                reached.countDown();
                release.await();
            }
            return status;
        }
    }

    @Test
    void theDashboardIsImportableWithItsOwnDataSourceInput() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("__inputs").get(0).get("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(dashboard.get("uid").asText()).isEqualTo("runnel-job");
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asText()).as(panel.get("title").asText()).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.get("targets")).isNotEmpty();
        }
    }

    private static Set<String> names(String scrape) {
        Set<String> present = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                present.add(line.split("[{ ]", 2)[0]);
            }
        }
        return present;
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                out.add(target.get("expr").asText());
            }
        }
        dashboard.get("templating").get("list").forEach(v -> out.add(v.get("definition").asText()));
        return out;
    }

    /** Users u0..u49; every seventh event a login from alternating cities, the rest transactions; 100 ms apart (5 minutes in all). */
    private static UserEvent event(long i) {
        boolean login = i % 7 == 0;
        double lat = i % 14 == 0 ? 48.85 : 40.71;
        double lon = i % 14 == 0 ? 2.35 : -74.0;
        return new UserEvent("u" + (i % 50), login ? UserEvent.LOGIN : UserEvent.TRANSACTION, 1_700_000_000_000L + i * 100,
            login ? Double.NaN : (i % 97 == 0 ? 15_000 : 50), lat, lon, "", "");
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
