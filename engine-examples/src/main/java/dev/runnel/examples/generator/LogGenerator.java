package dev.runnel.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * S5 log lines (JSON). Background users log in (now and then after one or two typos), browse, buy
 * and log out, a session every 1 to 8 hours. Planted, each on a fresh user: a burst of six failed
 * logins 20 s apart (alert at the fifth), and a purchase 30 h after the last login.
 */
public final class LogGenerator implements ScenarioGenerator {
    private static final String[] ACTIONS = {"view", "view", "view", "click", "search", "download", "purchase"};
    private static final String[] AGENTS = {"Mozilla/5.0 (Windows NT 10.0)", "Mozilla/5.0 (Macintosh)", "okhttp/4.12", "Mozilla/5.0 (iPhone)"};
    private static final long MINUTE = 60_000;

    @Override
    public String scenario() {
        return "logs";
    }

    @Override
    public List<String> columns() {
        return List.of("user_id", "session_id", "action", "timestamp", "ip_address", "user_agent", "metadata");
    }

    @Override
    public List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out) {
        Timeline timeline = new Timeline(out);
        List<Planted> planted = new ArrayList<>();
        int users = (int) Math.max(10, Math.min(50_000, config.events() / 60));
        Actors actors = new Actors();
        for (int u = 0; u < users; u++) {
            actors.add(new Actors.Actor(u, config.startMillis() + Actors.between(random, 0, 60 * MINUTE)));
        }
        long plantEvery = config.plantFraud() ? Math.max(100, config.events() / 20) : Long.MAX_VALUE;
        long written = 0;
        long nextPlant = plantEvery / 2;
        int sessions = 0;
        while (written < config.events()) {
            Actors.Actor a = actors.next();
            String user = "user-" + a.id;
            String session = "s-" + (++sessions);
            String ip = "10." + (a.id % 250) + "." + (a.id / 250 % 250) + ".7";
            long t = a.nextTime;
            int typos = random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0;
            for (int k = 0; k < typos; k++) {
                timeline.add(line(user, session, "login_failed", t, ip, random, false));
                t += Actors.between(random, 5_000, 30_000);
                written++;
            }
            timeline.add(line(user, session, "login_success", t, ip, random, false));
            int actions = 3 + random.nextInt(6);
            for (int k = 0; k < actions; k++) {
                t += Actors.between(random, 10_000, 120_000);
                timeline.add(line(user, session, ACTIONS[random.nextInt(ACTIONS.length)], t, ip, random, false));
            }
            t += Actors.between(random, 10_000, 60_000);
            timeline.add(line(user, session, "logout", t, ip, random, false));
            written += actions + 2;
            if (written >= nextPlant) {
                planted.add(plant(planted.size(), a.nextTime, random, timeline));
                nextPlant += plantEvery;
            }
            timeline.advanceTo(a.nextTime);
            actors.reschedule(a, t + Actors.between(random, 60 * MINUTE, 8 * 60 * MINUTE));
        }
        timeline.flush();
        return planted;
    }

    private Planted plant(int n, long t, Random random, Timeline timeline) {
        String ip = "203.0.113." + (n % 250);
        if (n % 2 == 0) {
            String user = "target-" + n;
            long fifth = 0;
            for (int k = 0; k < 6; k++) {
                long at = t + k * 20_000L;
                timeline.add(line(user, "s-target-" + n, "login_failed", at, ip, random, true));
                if (k == 4) {
                    fifth = at;
                }
            }
            return new Planted("FAILED_LOGINS", user, fifth, "Multiple failed login attempts: 5");
        }
        String user = "dormant-" + n;
        timeline.add(line(user, "s-dormant-" + n + "a", "login_success", t, ip, random, true));
        timeline.add(line(user, "s-dormant-" + n + "a", "view", t + 30_000, ip, random, true));
        timeline.add(line(user, "s-dormant-" + n + "a", "logout", t + 60_000, ip, random, true));
        long late = t + 30 * 60 * MINUTE;
        timeline.add(line(user, "s-dormant-" + n + "b", "purchase", late, ip, random, true));
        return new Planted("LONG_INACTIVITY", user, late, "purchase 30 h after login");
    }

    private static Row line(String user, String session, String action, long t, String ip, Random random, boolean planted) {
        long seconds = t / 1000;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("user_id", user);
        f.put("session_id", session);
        f.put("action", action);
        f.put("timestamp", seconds);
        f.put("ip_address", ip);
        f.put("user_agent", AGENTS[Math.floorMod(user.hashCode(), AGENTS.length)]);
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (action.equals("view") || action.equals("click")) {
            metadata.put("page", "/products/" + random.nextInt(200));
        } else if (action.equals("purchase")) {
            metadata.put("amount", Actors.money(5 + random.nextDouble() * 300));
        }
        f.put("metadata", metadata);
        return new Row(seconds * 1000, f, planted);
    }
}
