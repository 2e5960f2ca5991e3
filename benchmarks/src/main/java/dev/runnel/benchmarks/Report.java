package dev.runnel.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the runner's table as CSV and Markdown, with the machine it ran on. */
final class Report {
    private Report() {}

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
            + System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static void write(Path dir, Map<String, Runner.Row> rows, Map<String, Runner.Row> larger, int runs, long seed, List<String> flags)
            throws IOException {
        List<String> csv = new ArrayList<>();
        csv.add("workload,events,median_events_per_s,min_events_per_s,max_events_per_s,outputs,events_per_cpu_s,peak_heap_mb,ratio_to_h1,"
            + "startup_ms");
        List<String> md = new ArrayList<>();
        md.add("Machine: " + machine() + "; forked JVM flags: " + String.join(" ", flags) + "; runs per workload: " + runs
            + "; seed " + seed + ".");
        md.add("");
        table(rows, csv, md);
        if (!larger.isEmpty()) {
            md.add("");
            md.add("Larger counts for the workloads that took under 5 s (ratios to H1 at its larger count):");
            md.add("");
            table(larger, csv, md);
        }
        Runner.writeLines(dir.resolve("latest.csv"), csv);
        Runner.writeLines(dir.resolve("latest.md"), md);
    }

    private static void table(Map<String, Runner.Row> rows, List<String> csv, List<String> md) {
        Runner.Row h1 = rows.get("H1");
        md.add("| workload | events | median events/s | min – max | outputs | events/CPU-s | peak heap | ratio to H1 | start-up |");
        md.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Runner.Row r : rows.values()) {
            Measurement m = r.medianRun();
            csv.add(String.format(Locale.ROOT, "%s,%d,%.0f,%.0f,%.0f,%d,%.0f,%d,%.4f,%d", r.workload.name(), m.events(), r.median, r.min,
                r.max, m.outputs(), m.eventsPerCpuSecond(), m.peakHeapBytes() >> 20, r.ratioTo(h1), m.startupMillis()));
            md.add(String.format(Locale.ROOT, "| %s | %,d | %.3f M | %.3f – %.3f M | %,d | %.3f M | %,d MB | %.3f | %s |", r.workload.name(),
                m.events(), r.median / 1e6, r.min / 1e6, r.max / 1e6, m.outputs(), m.eventsPerCpuSecond() / 1e6,
                m.peakHeapBytes() >> 20, r.ratioTo(h1), m.startupMillis() < 0 ? "—" : m.startupMillis() + " ms"));
        }
    }
}
