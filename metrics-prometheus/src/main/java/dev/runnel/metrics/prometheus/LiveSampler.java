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
            Reading r = readings.get(key(op));
            if (r == null) {
                r = new Reading();
                r.lastRecordMillis = in > 0 ? now : job.startTimeMillis();
                r.recordsInPerSecond = ratePerSecond(in, now - job.startTimeMillis());
                r.recordsOutPerSecond = ratePerSecond(out, now - job.startTimeMillis());
            } else {
                long elapsed = now - r.atMillis;
                if (elapsed > 0) {
                    r.recordsInPerSecond = ratePerSecond(in - r.recordsIn, elapsed);
                    r.recordsOutPerSecond = ratePerSecond(out - r.recordsOut, elapsed);
                }
                if (in != r.recordsIn) {
                    r.lastRecordMillis = now;
                }
            }
            r.recordsIn = in;
            r.recordsOut = out;
            r.atMillis = now;
            readings.put(key(op), r);
        }
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
