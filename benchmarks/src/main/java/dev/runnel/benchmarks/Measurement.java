package dev.runnel.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * One timed run of one workload in this JVM: wall time, process CPU time and peak heap; for a forked
 * run also its start-up, the JVM's uptime when the job started (boot and loading the runner),
 * which is not in the wall time; -1 for runs in the runner's own JVM.
 */
public record Measurement(String workload, long events, long outputs, long wallNanos, long cpuNanos, long peakHeapBytes,
                          long startupMillis) {

    public double eventsPerSecond() {
        return events * 1e9 / wallNanos;
    }

    public double eventsPerCpuSecond() {
        return cpuNanos <= 0 ? Double.NaN : events * 1e9 / cpuNanos;
    }

    /** The line a forked run prints for its parent. */
    public String toWire() {
        return "RESULT " + workload + " " + events + " " + outputs + " " + wallNanos + " " + cpuNanos + " " + peakHeapBytes + " "
            + startupMillis;
    }

    public static Measurement fromWire(String line) {
        String[] f = line.trim().split(" ");
        return new Measurement(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
            Long.parseLong(f[6]), Long.parseLong(f[7]));
    }

    /** A run in the runner's own JVM. */
    public static Measurement run(Workload w, long n, long seed) {
        return run(w, n, seed, false);
    }

    /** A run; {@code forked}: this JVM was started for it, so its uptime now is the run's start-up. */
    public static Measurement run(Workload w, long n, long seed, boolean forked) {
        long startup = forked ? ManagementFactory.getRuntimeMXBean().getUptime() : -1;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long outputs = w.job().run(n, seed);
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Measurement(w.name(), n, outputs, wall, cpu, peak, startup);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
