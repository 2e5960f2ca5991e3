package dev.runnel.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end runner: each run of each workload in a fresh JVM (same java, same class path,
 * fixed heap and GC flags), median events/s over the runs, and every figure also as a ratio to H1
 * measured in the same invocation — the only kind of number that means something on a noisy
 * machine. Before timing anything it checks that W1 gives exactly H1's results.
 *
 * <pre>
 * java -jar benchmarks/target/runnel-benchmarks.jar [workloads] [--events N] [--runs R] [--seed S] [--out DIR] [--no-fork] [--larger F] [--checkpoint-interval MS] [--metrics-ab] [--jvm-flag FLAG]...
 * java -jar benchmarks/target/runnel-benchmarks.jar --latency [--rates 100000,1000000] [--seconds S]
 * java -jar benchmarks/target/runnel-benchmarks.jar --kafka host:port [--events N]
 * </pre>
 */
public final class Runner {
    /** Flags of every forked run; results are only comparable under the same ones. */
    static final List<String> JVM_FLAGS = new ArrayList<>(List.of("-Xms4g", "-Xmx4g", "-XX:+UseParallelGC"));

    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        Long events = null;
        int runs = 3;
        long seed = 42;
        boolean fork = true;
        Path out = Path.of("benchmarks", "results");
        String single = null;
        boolean latency = false;
        String rates = "100000,1000000";
        int seconds = 10;
        int largerFactor = 1;
        String kafka = null;
        boolean metricsAb = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--no-fork" -> fork = false;
                case "--single" -> single = args[++i];
                case "--latency" -> latency = true;
                case "--kafka" -> kafka = args[++i];
                case "--rates" -> rates = args[++i];
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--larger" -> largerFactor = Integer.parseInt(args[++i]);
                case "--metrics-ab" -> metricsAb = true;
                case "--jvm-flag" -> JVM_FLAGS.add(args[++i]); // e.g. -XX:+AlwaysPreTouch for the start-up comparison
                case "--checkpoint-interval" -> System.setProperty(BenchCheckpoints.PROPERTY, Long.toString(Long.parseLong(args[++i])));
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        System.err.println("Unknown option " + args[i]);
                        usage();
                        System.exit(2);
                    }
                    names.add(args[i]);
                }
            }
        }
        if (single != null) {
            Workload w = Workload.named(single);
            System.out.println(Measurement.run(w, events == null ? w.defaultEvents() : events, seed, true).toWire());
            return;
        }
        if (kafka != null) {
            KafkaWorkloads.run(kafka, events == null ? 10_000_000 : events, seed, runs);
            return;
        }
        if (latency) {
            LatencyRunner.run(parseRates(rates), seconds, seed);
            return;
        }
        if (metricsAb) {
            BenchMetrics.compare(names.isEmpty() ? List.of("W1", "W4") : names, events, runs, seed);
            return;
        }
        List<Workload> workloads = new ArrayList<>();
        for (String n : names.isEmpty() ? Workload.all().stream().map(Workload::name).toList() : names) {
            workloads.add(Workload.named(n));
        }
        // H1 first: every other line is printed with its ratio to H1 from this invocation
        workloads.removeIf(w -> w.name().equals("H1"));
        workloads.add(0, Workload.named("H1"));
        checkW1AgainstH1();
        Long fixed = events;
        Map<String, Row> rows = runAll(workloads, w -> fixed == null ? w.defaultEvents() : fixed, runs, seed, fork);
        Map<String, Row> larger = new LinkedHashMap<>();
        if (largerFactor > 1) {
            // benchmarks/README.md: a larger count where the job finishes in under 5 s, so start-up weighs less
            List<Workload> quick = new ArrayList<>();
            for (Workload w : workloads) {
                if (w.name().equals("H1") || rows.get(w.name()).medianRun().wallNanos() < 5_000_000_000L) {
                    quick.add(w);
                }
            }
            System.out.println("larger counts (x" + largerFactor + ") for the workloads that took under 5 s:");
            int factor = largerFactor;
            larger = runAll(quick, w -> rows.get(w.name()).medianRun().events() * factor, runs, seed, fork);
        }
        Report.write(out, rows, larger, runs, seed, fork ? JVM_FLAGS : List.of("(in-process)"));
        System.out.println("Wrote " + out.resolve("latest.csv") + " and " + out.resolve("latest.md"));
    }

    /** Runs each workload {@code runs} times (H1 must come first), printing one line per workload as it completes. */
    private static Map<String, Row> runAll(List<Workload> workloads, java.util.function.ToLongFunction<Workload> events, int runs,
                                           long seed, boolean fork) throws IOException, InterruptedException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Workload w : workloads) {
            long n = events.applyAsLong(w);
            List<Measurement> ms = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                ms.add(fork ? forked(w, n, seed) : Measurement.run(w, n, seed));
            }
            Row row = new Row(w, ms);
            rows.put(w.name(), row);
            System.out.println(row.line(rows.get("H1")));
        }
        return rows;
    }

    private static long[] parseRates(String s) {
        String[] parts = s.split(",");
        long[] r = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            r[i] = Long.parseLong(parts[i].trim().replace("_", ""));
        }
        return r;
    }

    private static void usage() {
        System.out.println("""
            usage: java -jar benchmarks/target/runnel-benchmarks.jar [workloads] [--events N] [--runs R] [--seed S] [--out DIR] [--no-fork] [--larger F] [--checkpoint-interval MS] [--metrics-ab] [--jvm-flag FLAG]...
                   (--jvm-flag FLAG: one more flag for every forked run, after -Xms4g -Xmx4g -XX:+UseParallelGC)
                   (--larger F: afterwards, F times the events for every workload that took under 5 s, and H1)
                   (--checkpoint-interval MS: the jobs checkpoint every MS ms into a temporary directory; cost printed per run)
                   (--metrics-ab: the named workloads, W1 and W4 by default, with the metrics endpoint off and on, runs alternating)
                   java -jar benchmarks/target/runnel-benchmarks.jar --latency [--rates 100000,1000000] [--seconds S]
                   java -jar benchmarks/target/runnel-benchmarks.jar --kafka HOST:PORT [--events N] [--runs R]   (W1 from Kafka, default 10 M events, R rounds of (a) and (b))
            workloads (default: all):""");
        for (Workload w : Workload.all()) {
            System.out.printf(Locale.ROOT, "  %-5s %,13d events  %s%n", w.name(), w.defaultEvents(), w.description());
        }
    }

    /** W1 at n = 20,000, seed 42 must give exactly H1's lines; nothing is timed otherwise. */
    static void checkW1AgainstH1() {
        List<String> h1 = new ArrayList<>();
        Baselines.h1(20_000, 42, (k, s, e, sum) -> h1.add(k + "," + s + "," + e + "," + sum));
        List<String> w1 = new ArrayList<>(EngineWorkloads.w1Lines(20_000, 42));
        Collections.sort(h1);
        Collections.sort(w1);
        if (!h1.equals(w1)) {
            throw new IllegalStateException("W1 does not give H1's results at n=20000, seed 42: " + h1.size() + " vs " + w1.size()
                + " lines; first H1 lines " + h1.subList(0, Math.min(3, h1.size())) + ", W1 " + w1.subList(0, Math.min(3, w1.size())));
        }
        System.out.println("check: W1 = H1 at n=20,000 seed 42 (" + h1.size() + " window results)");
    }

    static Measurement forked(Workload w, long n, long seed) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        if (BenchCheckpoints.intervalMillis() >= 0) {
            cmd.add("-D" + BenchCheckpoints.PROPERTY + "=" + BenchCheckpoints.intervalMillis());
        }
        if (BenchMetrics.enabled()) {
            cmd.add("-D" + BenchMetrics.PROPERTY + "=true");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Runner.class.getName());
        cmd.add("--single");
        cmd.add(w.name());
        cmd.add("--events");
        cmd.add(Long.toString(n));
        cmd.add("--seed");
        cmd.add(Long.toString(seed));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Measurement result = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = Measurement.fromWire(line);
                } else if (line.startsWith("CHECKPOINTS ") || line.startsWith("SCRAPES ")) {
                    System.out.println("  " + line);
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        int rc = p.waitFor();
        if (rc != 0 || result == null) {
            throw new IllegalStateException("Forked run of " + w.name() + " failed (exit " + rc + "):\n" + other);
        }
        return result;
    }

    /** The runs of one workload, summarised. */
    static final class Row {
        final Workload workload;
        final List<Measurement> runs;
        final double median;
        final double min;
        final double max;

        Row(Workload workload, List<Measurement> runs) {
            this.workload = workload;
            this.runs = runs;
            List<Double> rates = new ArrayList<>();
            for (Measurement m : runs) {
                rates.add(m.eventsPerSecond());
            }
            Collections.sort(rates);
            this.median = rates.size() % 2 == 1 ? rates.get(rates.size() / 2)
                : (rates.get(rates.size() / 2 - 1) + rates.get(rates.size() / 2)) / 2;
            this.min = rates.get(0);
            this.max = rates.get(rates.size() - 1);
        }

        Measurement medianRun() {
            Measurement best = runs.get(0);
            for (Measurement m : runs) {
                if (Math.abs(m.eventsPerSecond() - median) < Math.abs(best.eventsPerSecond() - median)) {
                    best = m;
                }
            }
            return best;
        }

        double ratioTo(Row h1) {
            return h1 == null ? Double.NaN : median / h1.median;
        }

        String line(Row h1) {
            Measurement m = medianRun();
            return String.format(Locale.ROOT, "%-5s events=%,d  median=%.3f M/s  (min %.3f, max %.3f)  outputs=%,d  "
                    + "events/cpu-s=%.3f M  peak-heap=%,d MB  ratio-to-H1=%.3f%s",
                workload.name(), m.events(), median / 1e6, min / 1e6, max / 1e6, m.outputs(), m.eventsPerCpuSecond() / 1e6,
                m.peakHeapBytes() >> 20, ratioTo(h1), m.startupMillis() < 0 ? "" : "  start-up=" + m.startupMillis() + " ms");
        }
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
