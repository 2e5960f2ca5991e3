package dev.runnel.examples.cli;

import dev.runnel.api.JobClient;
import dev.runnel.api.JobResult;
import dev.runnel.examples.common.Times;
import dev.runnel.runtime.OperatorMetrics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Watches a running job from the CLI's thread: every second a line on stderr with rows read,
 * events per second and the source's watermark, so a run over millions of rows shows it is alive;
 * at the end a summary (rows, dead letters, late rows, far-future rows, alerts by kind, elapsed).
 */
public final class Progress {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final PrintStream err;
    private final ZoneId zone;
    private final boolean quiet;

    public Progress(PrintStream err, ZoneId zone, boolean quiet) {
        this.err = err;
        this.zone = zone;
        this.quiet = quiet;
    }

    /** Waits for the job, reporting progress; returns its result (or throws the job's failure). */
    public JobResult follow(JobClient job) {
        long start = System.nanoTime();
        long lastRows = 0;
        long lastNanos = start;
        while (true) {
            Optional<JobResult> done = job.await(INTERVAL);
            if (done.isPresent()) {
                return done.get();
            }
            if (quiet) {
                continue;
            }
            long now = System.nanoTime();
            long rows = rowsRead(job.operatorMetrics());
            double perSecond = (rows - lastRows) * 1e9 / Math.max(1, now - lastNanos);
            err.printf("progress: rows=%,d events/s=%,.0f watermark=%s elapsed=%.1f s%n",
                rows, perSecond, Times.dateTime(sourceWatermark(job.operatorMetrics()), zone), (now - start) / 1e9);
            lastRows = rows;
            lastNanos = now;
        }
    }

    /**
     * The end-of-run summary; late rows are those sent to a late side output plus those dropped;
     * future rows those a future-event guard kept out of event time.
     */
    public void summary(JobResult result, Map<String, Long> outputs, long lateSideOutput) {
        List<OperatorMetrics> metrics = result.operatorMetrics();
        long rows = rowsRead(metrics);
        long late = lateSideOutput + result.lateRecordsDropped();
        double seconds = result.duration().toNanos() / 1e9;
        err.printf("summary: rows=%,d dead-letters=%,d late=%,d future=%,d elapsed=%.2f s (%,.0f rows/s)%n",
            rows, result.deadLetters(), late, result.futureEvents(), seconds, rows / Math.max(seconds, 1e-9));
        StringBuilder byKind = new StringBuilder("outputs:");
        if (outputs.isEmpty()) {
            byKind.append(" none");
        }
        outputs.forEach((kind, count) -> byKind.append(' ').append(kind).append('=').append(count));
        err.println(byKind);
    }

    private static long rowsRead(List<OperatorMetrics> metrics) {
        long rows = 0;
        for (OperatorMetrics m : metrics) {
            if (m.operatorName().equals(Example.SOURCE_NAME)) {
                rows += m.recordsIn + m.deadLetters;
            }
        }
        return rows;
    }

    private static long sourceWatermark(List<OperatorMetrics> metrics) {
        for (OperatorMetrics m : metrics) {
            if (m.operatorName().equals(Example.SOURCE_NAME)) {
                return m.currentWatermark;
            }
        }
        return Long.MIN_VALUE;
    }
}
