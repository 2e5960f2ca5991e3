package dev.runnel.metrics.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runnel.api.JobClient;
import dev.runnel.api.metrics.JobMetricsView;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one running job over HTTP: {@code /metrics} (Prometheus text exposition, Flink's metric names),
 * {@code /jobs} (the same as JSON, with the job graph and "why nothing fired yet" per window or CEP
 * operator) and {@code /} (a live page rendering {@code /jobs} once a second). The job's threads do no
 * work for it: a sampler thread of its own reads the counters once a second for rates, and each request
 * reads them again. It stops by itself after the job has ended (one last sample first), or on {@link #close()}.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);
    private static final long SAMPLE_MILLIS = 1000;

    private final JobMetricsView job;
    private final HttpServer server;
    private final ScheduledExecutorService sampling;
    private final LiveSampler sampler;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final JobStatusJson status;
    private volatile boolean closed;

    private MetricsEndpoint(JobMetricsView job, int port) throws IOException {
        this.job = job;
        this.sampler = new LiveSampler(job, System::currentTimeMillis);
        this.registry.register(new RunnelCollector(job, sampler));
        this.status = new JobStatusJson(job, sampler);
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", this::metrics);
        server.createContext("/jobs", this::jobs);
        server.createContext("/", this::page);
        // daemon threads: a forgotten endpoint must not keep the JVM alive after the job and main() ended
        server.setExecutor(Executors.newFixedThreadPool(2, daemon("runnel-metrics-http")));
        this.sampling = Executors.newSingleThreadScheduledExecutor(daemon("runnel-metrics-sampler"));
    }

    /** Starts serving {@code job} on {@code port} (0: a free port; see {@link #uri()}). */
    public static MetricsEndpoint start(JobClient job, int port) throws IOException {
        return start(job.metrics(), port);
    }

    /** As {@link #start(JobClient, int)}, from the job's public metrics view. */
    public static MetricsEndpoint start(JobMetricsView job, int port) throws IOException {
        MetricsEndpoint endpoint = new MetricsEndpoint(job, port);
        endpoint.sampler.sample();
        endpoint.server.start();
        endpoint.sampling.scheduleAtFixedRate(endpoint::sampleOrStop, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Metrics of job '{}' at {} (/metrics, /jobs, /)", job.jobName(), endpoint.uri());
        return endpoint;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    private void sampleOrStop() {
        try {
            boolean done = job.isDone();
            sampler.sample();
            if (done) {
                close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Sampling the metrics of job '{}' failed: {}", job.jobName(), e.toString());
        }
    }

    private void metrics(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(body, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        respond(exchange, 200, PrometheusTextFormatWriter.CONTENT_TYPE, body.toByteArray());
    }

    private void jobs(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", status.render());
    }

    private void page(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/") && !path.equals("/index.html")) {
            respond(exchange, 404, "text/plain; charset=utf-8", ("Not found: " + path + "; try /, /jobs or /metrics\n").getBytes());
            return;
        }
        try (InputStream in = MetricsEndpoint.class.getResourceAsStream("job-page.html")) {
            respond(exchange, 200, "text/html; charset=utf-8", in.readAllBytes());
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sampling.shutdown();
        server.stop(0);
        LOG.info("Metrics endpoint of job '{}' stopped", job.jobName());
    }
}
