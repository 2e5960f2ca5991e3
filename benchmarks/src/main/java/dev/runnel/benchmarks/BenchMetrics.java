package dev.runnel.benchmarks;

import dev.runnel.api.JobClient;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --metrics-ab}: what the Prometheus endpoint costs a running job. With system property {@value #PROPERTY}
 * (passed on to forked runs) a job runs with {@code enableMetricsEndpoint(0)} and a scraper that fetches
 * {@code /metrics} and {@code /jobs} every second — a Prometheus scraping at 1 s with the live page open, far more
 * often than the usual 15 s. {@link #compare} runs each workload with it off and on, in ABBA order, and prints the
 * medians and their ratio.
 */
final class BenchMetrics {
    static final String PROPERTY = "runnel.bench.metricsEndpoint";
    /** Set (with {@code --jvm-flag -D...=true}): the "on" runs leave the endpoint off too, an A/A check of the method. */
    static final String CONTROL_PROPERTY = "runnel.bench.metricsControl";

    private BenchMetrics() {}

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    static JobResult execute(StreamEnvironment env, String job) {
        if (!enabled() || Boolean.getBoolean(CONTROL_PROPERTY)) {
            return env.execute(job);
        }
        env.enableMetricsEndpoint(0);
        JobClient client = env.executeAsync(job);
        URI base = client.metricsEndpoint().orElseThrow();
        AtomicLong scrapes = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Thread scraper = new Thread(() -> {
            while (!client.isDone()) {
                try {
                    for (String path : new String[] {"/metrics", "/jobs"}) {
                        bytes.addAndGet(get(base, path));
                    }
                    scrapes.incrementAndGet();
                    Thread.sleep(1000);
                } catch (IOException e) {
                    return; // the endpoint stopped with the job
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-scraper");
        scraper.setDaemon(true);
        scraper.start();
        JobResult result = client.await();
        scraper.interrupt();
        System.out.printf(Locale.ROOT, "SCRAPES %s: %d of /metrics and /jobs, %,d bytes%n", job, scrapes.get(), bytes.get());
        return result;
    }

    /**
     * One HTTP/1.1 GET over a plain socket: the scraper stands for a Prometheus in another process, so it should cost
     * this JVM as little as possible (the JDK's HttpClient alone takes a few hundred ms of CPU to start).
     */
    private static long get(URI base, String path) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return socket.getInputStream().readAllBytes().length;
        }
    }

    /** Each workload {@code runs} times with the endpoint off and on, in forked JVMs in ABBA order. */
    static void compare(List<String> names, Long events, int runs, long seed) throws IOException, InterruptedException {
        System.out.println("metrics endpoint off vs on (scraped every second): forked runs in ABBA order, median of " + runs);
        for (String name : names) {
            Workload w = Workload.named(name);
            long n = events == null ? w.defaultEvents() : events;
            List<Double> off = new ArrayList<>();
            List<Double> on = new ArrayList<>();
            // ABBA order: off-on, then on-off. In an A/A run (endpoint off in both halves, CONTROL_PROPERTY) the second
            // run of each pair was slower in 4 of 5 pairs, ratio 0.95: a fixed off-on order charged that to the endpoint.
            for (int r = 0; r < runs; r++) {
                boolean offFirst = r % 2 == 0;
                for (int half = 0; half < 2; half++) {
                    boolean endpoint = offFirst == (half == 1);
                    if (endpoint) {
                        System.setProperty(PROPERTY, "true");
                    } else {
                        System.clearProperty(PROPERTY);
                    }
                    (endpoint ? on : off).add(Runner.forked(w, n, seed).eventsPerSecond());
                }
            }
            System.clearProperty(PROPERTY);
            double offMedian = median(off);
            double onMedian = median(on);
            System.out.printf(Locale.ROOT, "%-4s %,d events  off %.3f M/s %s  on %.3f M/s %s  on/off %.3f%n", name, n,
                offMedian / 1e6, millions(off), onMedian / 1e6, millions(on), onMedian / offMedian);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static String millions(List<Double> xs) {
        StringBuilder sb = new StringBuilder("[");
        for (double x : xs) {
            sb.append(sb.length() > 1 ? " " : "").append(String.format(Locale.ROOT, "%.2f", x / 1e6));
        }
        return sb.append(']').toString();
    }
}
