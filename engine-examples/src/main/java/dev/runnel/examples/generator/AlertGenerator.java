package dev.runnel.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * S6 alerts. Background: rules of monitoring systems, each at one severity, firing every 6 to 90
 * minutes (never a repeat within the 5-minute suppression). Planted: alert storms, a fresh CRITICAL
 * rule firing ten times 20 s apart, of which exactly one must be delivered and nine suppressed.
 */
public final class AlertGenerator implements ScenarioGenerator {
    private static final String[] RULES = {"cpu-high", "disk-full", "latency-p99", "error-rate", "login-anomaly", "queue-backlog", "cert-expiry", "memory-leak"};
    private static final String[] SEVERITIES = {"low", "medium", "medium", "high", "critical"};
    private static final long MINUTE = 60_000;

    @Override
    public String scenario() {
        return "alerts";
    }

    @Override
    public List<String> columns() {
        return List.of("rule", "severity", "message", "timestamp");
    }

    @Override
    public List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out) {
        Timeline timeline = new Timeline(out);
        List<Planted> planted = new ArrayList<>();
        int sources = (int) Math.max(4, Math.min(5_000, config.events() / 20));
        Actors actors = new Actors();
        String[] severity = new String[sources];
        for (int s = 0; s < sources; s++) {
            severity[s] = SEVERITIES[random.nextInt(SEVERITIES.length)];
            actors.add(new Actors.Actor(s, config.startMillis() + Actors.between(random, 0, 30 * MINUTE)));
        }
        long plantEvery = config.plantFraud() ? Math.max(50, config.events() / 10) : Long.MAX_VALUE;
        for (long i = 0; i < config.events(); i++) {
            Actors.Actor a = actors.next();
            String rule = RULES[a.id % RULES.length] + "-" + (a.id / RULES.length);
            timeline.add(alert(rule, severity[a.id], "host-" + random.nextInt(100) + " over threshold", a.nextTime, false));
            if (i % plantEvery == plantEvery / 2) {
                String storm = "storm-" + planted.size();
                for (int k = 0; k < 10; k++) {
                    timeline.add(alert(storm, "critical", "database unreachable (" + (k + 1) + ")", a.nextTime + k * 20_000L, true));
                }
                planted.add(new Planted("STORM", storm + "/CRITICAL", a.nextTime / 1000 * 1000, "1 delivered, 9 suppressed"));
            }
            timeline.advanceTo(a.nextTime);
            actors.reschedule(a, a.nextTime + Actors.between(random, 6 * MINUTE, 90 * MINUTE));
        }
        timeline.flush();
        return planted;
    }

    private static Row alert(String rule, String severity, String message, long t, boolean planted) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", rule);
        f.put("severity", severity);
        f.put("message", message);
        f.put("timestamp", Actors.dateTime(t));
        return new Row(t / 1000 * 1000, f, planted);
    }
}
