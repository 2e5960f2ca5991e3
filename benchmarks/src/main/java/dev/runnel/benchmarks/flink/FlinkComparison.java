package dev.runnel.benchmarks.flink;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Flink runner's overhead: W1 and W6 at parallelism 1 and 2, each as a Runnel job on Runnel, the
 * same job on Flink through {@code FlinkRunner}, and the job written by hand against Flink, all in
 * one invocation. Every run is a fresh JVM (same flags); the rounds rotate the order of the three,
 * so drift on a shared machine hits them alike; the figure is the median over the rounds.
 *
 * <p>On Flink the time is the job's net runtime as Flink reports it (without the local
 * MiniCluster's start-up, the same for both Flink jobs); on Runnel the time of {@code execute}.
 *
 * <p>{@code --baseline-jar J} adds a fourth variant: the runner of another build (J, a benchmarks
 * jar, in place of this one on the class path), so a change to the runner is measured before and
 * after in the same invocation.
 *
 * <pre>
 * java --add-opens ... -cp runnel-benchmarks.jar:FLINK_CLASS_PATH dev.runnel.benchmarks.flink.FlinkComparison [--runs R] [--w1-events N] [--w6-events N] [--baseline-jar J]
 * </pre>
 */
public final class FlinkComparison {
    static final List<String> JVM_FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:+UseParallelGC");
    private static final String BASELINE = "baseline";
    /** Set by each job: its runtime in milliseconds (read in the forked JVM that ran it). */
    static volatile long lastNetRuntimeMillis;

    private FlinkComparison() {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        long seed = 42;
        Map<String, Long> events = new LinkedHashMap<>(Map.of("W1", 4_000_000L, "W6", 1_000_000L));
        String baselineJar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--w1-events" -> events.put("W1", Long.parseLong(args[++i].replace("_", "")));
                case "--w6-events" -> events.put("W6", Long.parseLong(args[++i].replace("_", "")));
                case "--baseline-jar" -> baselineJar = args[++i];
                case "--single" -> {
                    System.out.println(single(args[i + 1], args[i + 2], Integer.parseInt(args[i + 3]), Long.parseLong(args[i + 4]), seed));
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i] + "; usage: [--runs R] [--w1-events N] [--w6-events N] [--baseline-jar J]");
                    System.exit(2);
                }
            }
        }
        List<String> cases = List.of("W1 1", "W1 2", "W6 1", "W6 2");
        List<String> variants = new ArrayList<>(List.of("flink", "runner", "runnel"));
        String baselineClassPath = null;
        if (baselineJar != null) {
            variants.add(BASELINE);
            baselineClassPath = withBaseline(baselineJar);
        }
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        for (int round = 0; round < runs; round++) {
            for (String c : cases) {
                String[] wp = c.split(" ");
                long n = events.get(wp[0]);
                for (int v = 0; v < variants.size(); v++) {
                    String variant = variants.get((v + round) % variants.size());
                    long[] r = variant.equals(BASELINE)
                        ? forked("runner", baselineClassPath, wp[0], Integer.parseInt(wp[1]), n)
                        : forked(variant, System.getProperty("java.class.path"), wp[0], Integer.parseInt(wp[1]), n);
                    results.computeIfAbsent(c + " " + variant, k -> new ArrayList<>()).add(r);
                    System.out.printf(Locale.ROOT, "  round %d %s p%s %-8s %,d events in %,d ms, %,d outputs%n",
                        round + 1, wp[0], wp[1], variant, n, r[0], r[1]);
                }
            }
        }
        System.out.println();
        String baselineColumns = baselineJar == null ? "" : " baseline runner M/s | baseline runner / hand-written |";
        System.out.println("| workload | parallelism | events | hand-written Flink M/s | runner on Flink M/s | runner / hand-written | Runnel M/s | Runnel / hand-written Flink |" + baselineColumns);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|" + (baselineJar == null ? "" : "---:|---:|"));
        for (String c : cases) {
            String[] wp = c.split(" ");
            long n = events.get(wp[0]);
            double flink = rate(n, results.get(c + " flink"));
            double runner = rate(n, results.get(c + " runner"));
            double runnel = rate(n, results.get(c + " runnel"));
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.3f | %.3f | %.2f | %.2f | %.1f |",
                wp[0], wp[1], n, flink, runner, runner / flink, runnel, runnel / flink);
            if (baselineJar != null) {
                double baseline = rate(n, results.get(c + " " + BASELINE));
                System.out.printf(Locale.ROOT, " %.3f | %.2f |", baseline, baseline / flink);
            }
            System.out.println();
        }
    }

    /** Median events/s over the runs, in millions; checks that every run gave the same output count. */
    private static double rate(long n, List<long[]> runs) {
        List<Long> millis = new ArrayList<>();
        for (long[] r : runs) {
            millis.add(r[0]);
        }
        millis.sort(null);
        return n / (millis.get(millis.size() / 2) / 1000.0) / 1e6;
    }

    /** Runs one case in this JVM: "RESULT millis outputs". */
    static String single(String variant, String workload, int parallelism, long n, long seed) throws Exception {
        long outputs = switch (variant + " " + workload) {
            case "flink W1" -> HandWrittenFlink.w1(n, seed, parallelism);
            case "flink W6" -> HandWrittenFlink.w6(n, seed, parallelism);
            case "runner W1" -> RunnelJobs.w1(RunnelJobs.Engine.FLINK, n, seed, parallelism);
            case "runner W6" -> RunnelJobs.w6(RunnelJobs.Engine.FLINK, n, seed, parallelism);
            case "runnel W1" -> RunnelJobs.w1(RunnelJobs.Engine.RUNNEL, n, seed, parallelism);
            case "runnel W6" -> RunnelJobs.w6(RunnelJobs.Engine.RUNNEL, n, seed, parallelism);
            default -> throw new IllegalArgumentException("Unknown case " + variant + " " + workload);
        };
        return "RESULT " + lastNetRuntimeMillis + " " + outputs;
    }

    /** This JVM's class path with the jar holding this class replaced by {@code baselineJar}. */
    private static String withBaseline(String baselineJar) throws Exception {
        Path own = Path.of(FlinkComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        if (!Files.isRegularFile(Path.of(baselineJar))) {
            throw new IllegalArgumentException("--baseline-jar " + baselineJar + ": no such file");
        }
        List<String> entries = new ArrayList<>();
        boolean replaced = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(entry).toAbsolutePath().equals(own)) {
                entries.add(baselineJar);
                replaced = true;
            } else {
                entries.add(entry);
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("--baseline-jar needs this class to run from a jar on the class path, not from " + own);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static long[] forked(String variant, String classPath, String workload, int parallelism, long n) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")) {
                cmd.add(arg); // Flink needs the opens its launch scripts pass
            }
        }
        cmd.addAll(List.of("-cp", classPath, FlinkComparison.class.getName(),
            "--single", variant, workload, Integer.toString(parallelism), Long.toString(n)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder other = new StringBuilder();
        long[] result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException(variant + " " + workload + " p" + parallelism + " failed:\n" + other);
        }
        return result;
    }
}
