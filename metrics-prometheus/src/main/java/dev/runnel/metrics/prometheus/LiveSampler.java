package dev.runnel.metrics.prometheus;

import dev.runnel.api.metrics.JobMetricsView;
import dev.runnel.api.metrics.OperatorMetricsView;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Turns the job's counters into what a snapshot cannot show: per-second rates and how long ago an
 * operator instance last received a record. Called once a second from the endpoint's own thread,
 * never from the job's: the operators keep counting as they always do, and this reads their plain
 * counters racily (see {@link OperatorMetricsView}).
 */
final class LiveSampler {
    /** One operator instance's previous reading and what was derived from it. */
    static final class Reading {
        long recordsIn;
        long recordsOut;
        long atMillis;
        double recordsInPerSecond;
        double recordsOutPerSecond;
        /** Wall-clock time its records-in counter last moved (or the job's start, before the first record). */
        long lastRecordMillis;
        double busyMs;
        double idleMs;
        double backPressuredMs;
        /** Flink's task time split over the last interval, each in ms per second (together about 1000). */
        double busyTimeMsPerSecond;
        double idleTimeMsPerSecond;
        double backPressuredTimeMsPerSecond;
    }

    private final JobMetricsView job;
    private final LongSupplier clockMillis;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    LiveSampler(JobMetricsView job, LongSupplier clockMillis) {
        this.job = job;
        this.clockMillis = clockMillis;
    }

    static String key(OperatorMetricsView op) {
        return op.operatorName() + "#" + op.subtask();
    }

    /** Reads every operator instance once and updates rates. */
    synchronized void sample() {
        long now = clockMillis.getAsLong();
        for (OperatorMetricsView op : job.operators()) {
            long in = op.numRecordsIn();
            long out = op.numRecordsOut();
            double busy = op.accumulatedBusyTimeMs();
            double idle = op.accumulatedIdleTimeMs();
            double pressured = op.accumulatedBackPressuredTimeMs();
            Reading r = readings.get(key(op));
            if (r == null) {
                r = new Reading();
                r.lastRecordMillis = in > 0 ? now : job.startTimeMillis();
                r.recordsInPerSecond = ratePerSecond(in, now - job.startTimeMillis());
                r.recordsOutPerSecond = ratePerSecond(out, now - job.startTimeMillis());
                split(r, busy, idle, pressured);
            } else {
                long elapsed = now - r.atMillis;
                if (elapsed > 0) {
                    r.recordsInPerSecond = ratePerSecond(in - r.recordsIn, elapsed);
                    r.recordsOutPerSecond = ratePerSecond(out - r.recordsOut, elapsed);
                    split(r, busy - r.busyMs, idle - r.idleMs, pressured - r.backPressuredMs);
                }
                if (in != r.recordsIn) {
                    r.lastRecordMillis = now;
                }
            }
            r.recordsIn = in;
            r.recordsOut = out;
            r.busyMs = busy;
            r.idleMs = idle;
            r.backPressuredMs = pressured;
            r.atMillis = now;
            readings.put(key(op), r);
        }
    }

    /**
     * The interval's busy, idle and back-pressured time as shares of 1000 ms. Scaled by their own total, not the
     * sampler's interval: the task's clock and this thread's wake-ups differ by a few ms, and the shares are what
     * Flink's three gauges mean (they add up to 1000 while the task runs). Nothing moved: all zero.
     */
    private static void split(Reading r, double busy, double idle, double pressured) {
        busy = Math.max(0, busy); // the three are read at slightly different instants: no negative share
        idle = Math.max(0, idle);
        pressured = Math.max(0, pressured);
        double total = busy + idle + pressured;
        r.busyTimeMsPerSecond = total <= 0 ? 0 : 1000 * busy / total;
        r.idleTimeMsPerSecond = total <= 0 ? 0 : 1000 * idle / total;
        r.backPressuredTimeMsPerSecond = total <= 0 ? 0 : 1000 * pressured / total;
    }

    private static double ratePerSecond(long delta, long millis) {
        return millis <= 0 ? 0 : delta * 1000.0 / millis;
    }

    /** The last reading of this instance; an empty one (zero rates) before the first sample. */
    Reading reading(OperatorMetricsView op) {
        Reading r = readings.get(key(op));
        if (r == null) {
            r = new Reading();
            r.lastRecordMillis = job.startTimeMillis();
        }
        return r;
    }

    long nowMillis() {
        return clockMillis.getAsLong();
    }
}
