package dev.runnel.metrics.prometheus;

import dev.runnel.api.metrics.JobMetricsView;
import dev.runnel.api.metrics.OperatorMetricsView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a {@link FiringDiagnosis} for every window and CEP operator of a job from its live metrics
 * and graph. An operator's watermark is the minimum over its non-idle inputs, so the instance that holds
 * it back is, at each step upstream, the non-idle input instance with the lowest watermark; the walk
 * stops at a source (or when every input is idle).
 */
final class FiringDiagnostics {
    /** A source silent for this long is called out as the likely cause (not idle, yet sending nothing). */
    static final long SILENT_MILLIS = 2_000;

    private final JobMetricsView job;
    private final LiveSampler sampler;

    FiringDiagnostics(JobMetricsView job, LiveSampler sampler) {
        this.job = job;
        this.sampler = sampler;
    }

    List<FiringDiagnosis> diagnoseAll() {
        Map<String, List<OperatorMetricsView>> byName = byName(job.operators());
        List<FiringDiagnosis> out = new ArrayList<>();
        for (Map.Entry<String, List<OperatorMetricsView>> e : byName.entrySet()) {
            Map<String, Long> gauges = e.getValue().get(0).gauges();
            if (gauges.containsKey("earliestPendingWindowEnd")) {
                out.add(diagnose(e.getKey(), "window", e.getValue(), byName));
            } else if (gauges.containsKey("cep.partialMatches")) {
                out.add(diagnose(e.getKey(), "cep", e.getValue(), byName));
            }
        }
        return out;
    }

    static Map<String, List<OperatorMetricsView>> byName(List<OperatorMetricsView> operators) {
        Map<String, List<OperatorMetricsView>> byName = new LinkedHashMap<>();
        for (OperatorMetricsView op : operators) {
            byName.computeIfAbsent(op.operatorName(), k -> new ArrayList<>()).add(op);
        }
        return byName;
    }

    private FiringDiagnosis diagnose(String name, String kind, List<OperatorMetricsView> instances,
                                     Map<String, List<OperatorMetricsView>> byName) {
        long in = 0;
        long out = 0;
        long pending = 0;
        long earliestEnd = Long.MAX_VALUE;
        long watermark = Long.MAX_VALUE;
        for (OperatorMetricsView op : instances) {
            Map<String, Long> g = op.gauges();
            in += op.numRecordsIn();
            out += op.numRecordsOut();
            pending += g.getOrDefault("window".equals(kind) ? "pendingWindowTimers" : "cep.partialMatches", 0L);
            long end = g.getOrDefault("earliestPendingWindowEnd", Long.MIN_VALUE);
            if (end != Long.MIN_VALUE) {
                earliestEnd = Math.min(earliestEnd, end);
            }
            watermark = Math.min(watermark, op.currentWatermark());
        }
        if (earliestEnd == Long.MAX_VALUE) {
            earliestEnd = Long.MIN_VALUE;
        }
        List<FiringDiagnosis.Holder> chain = holders(name, byName);
        List<String> idle = idleUpstream(name, byName);
        boolean waiting = pending > 0 && (earliestEnd == Long.MIN_VALUE || watermark < earliestEnd - 1);
        String text = explain(kind, in, out, pending, earliestEnd, watermark, chain, idle, waiting);
        return new FiringDiagnosis(name, kind, waiting, out > 0, pending, earliestEnd, watermark, chain, idle, text);
    }

    /** The instances holding {@code name}'s watermark back, nearest first. */
    private List<FiringDiagnosis.Holder> holders(String name, Map<String, List<OperatorMetricsView>> byName) {
        List<FiringDiagnosis.Holder> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = name;
        while (seen.add(current)) {
            OperatorMetricsView slowest = null;
            List<OperatorMetricsView> slowestSiblings = List.of();
            for (String input : job.inputs().getOrDefault(current, List.of())) {
                List<OperatorMetricsView> siblings = byName.getOrDefault(input, List.of());
                for (OperatorMetricsView op : siblings) {
                    if (!op.idle() && (slowest == null || op.currentWatermark() < slowest.currentWatermark())) {
                        slowest = op;
                        slowestSiblings = siblings;
                    }
                }
            }
            if (slowest == null) {
                break; // a source, or every input idle
            }
            boolean source = job.inputs().getOrDefault(slowest.operatorName(), List.of()).isEmpty();
            long silentFor = sampler.nowMillis() - sampler.reading(slowest).lastRecordMillis;
            chain.add(new FiringDiagnosis.Holder(slowest.operatorName(), slowest.subtask(), slowest.currentWatermark(), source,
                silentFor, lagsSiblings(slowest, slowestSiblings)));
            current = slowest.operatorName();
        }
        return chain;
    }

    private static boolean lagsSiblings(OperatorMetricsView op, List<OperatorMetricsView> siblings) {
        for (OperatorMetricsView s : siblings) {
            if (s != op && !s.idle() && s.currentWatermark() > op.currentWatermark()) {
                return true;
            }
        }
        return false;
    }

    private List<String> idleUpstream(String name, Map<String, List<OperatorMetricsView>> byName) {
        Set<String> idle = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(job.inputs().getOrDefault(name, List.of()));
        while (!todo.isEmpty()) {
            String op = todo.remove(todo.size() - 1);
            if (!seen.add(op)) {
                continue;
            }
            for (OperatorMetricsView m : byName.getOrDefault(op, List.of())) {
                if (m.idle()) {
                    idle.add(m.operatorName() + "#" + m.subtask());
                }
            }
            todo.addAll(job.inputs().getOrDefault(op, List.of()));
        }
        return List.copyOf(idle);
    }

    private static String explain(String kind, long in, long out, long pending, long earliestEnd, long watermark,
                                  List<FiringDiagnosis.Holder> chain, List<String> idle, boolean waiting) {
        StringBuilder sb = new StringBuilder();
        if (in == 0) {
            sb.append("No record has reached it yet.");
        } else if (pending == 0) {
            sb.append("window".equals(kind) ? "No window is pending: every window opened so far has fired."
                : "No partial match is pending.");
        } else if ("window".equals(kind)) {
            sb.append(pending).append(" window timer(s) pending");
            if (earliestEnd != Long.MIN_VALUE) {
                sb.append("; the earliest window ends at ").append(time(earliestEnd))
                    .append(" and fires when the watermark reaches ").append(time(earliestEnd - 1));
            }
            sb.append(waiting ? "; the watermark is at " + time(watermark) + "." : "; it is due now.");
        } else {
            sb.append(pending).append(" partial match(es) pending at watermark ").append(time(watermark)).append('.');
        }
        if (!chain.isEmpty() && (waiting || in == 0)) {
            FiringDiagnosis.Holder cause = chain.get(chain.size() - 1);
            sb.append(" Held back by ").append(describe(cause));
            for (FiringDiagnosis.Holder h : chain) {
                if (h.lagging() && h != cause) {
                    sb.append("; subtask ").append(h.subtask()).append(" of '").append(h.operator())
                        .append("' lags its siblings (watermark ").append(time(h.watermark())).append(')');
                }
            }
            sb.append('.');
        }
        if (!idle.isEmpty()) {
            sb.append(" Idle input(s), not holding the watermark back: ").append(String.join(", ", idle)).append('.');
        }
        return sb.toString();
    }

    private static String describe(FiringDiagnosis.Holder h) {
        StringBuilder sb = new StringBuilder(h.source() ? "source '" : "'").append(h.operator()).append("' subtask ")
            .append(h.subtask()).append(" at watermark ").append(time(h.watermark()));
        if (h.lagging()) {
            sb.append(", behind its sibling subtasks");
        }
        if (h.source() && h.millisSinceLastRecord() >= SILENT_MILLIS) {
            sb.append(", which has sent no record for ").append(h.millisSinceLastRecord() / 1000)
                .append(" s and is not marked idle (WatermarkStrategy.withIdleness(...) would let the other inputs advance)");
        }
        return sb.toString();
    }

    /** A watermark or window end as an instant when it is one, else as a number. */
    static String time(long t) {
        if (t == Long.MIN_VALUE) {
            return "none";
        }
        if (t == Long.MAX_VALUE) {
            return "end of input";
        }
        if (t > 0 && t < 32_503_680_000_000L) { // up to year 3000: an epoch instant
            return Instant.ofEpochMilli(t) + " (" + t + ")";
        }
        return Long.toString(t);
    }
}
