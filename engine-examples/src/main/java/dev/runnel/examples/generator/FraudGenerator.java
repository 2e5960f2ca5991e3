package dev.runnel.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * S1 transactions ({@code transaction_id,timestamp,amount}; the id names the account, as in the
 * recipe). Background accounts pay 10 to 2000, 11 s to 6 min apart, so no 10 s window of a clean
 * account sums above 2000. Planted, each on a fresh account after twelve normal payments: three
 * payments of 3000-4500 inside one 10 s window (window sum above 8000), and an account that falls
 * silent for good early enough that an hour of data follows.
 */
public final class FraudGenerator implements ScenarioGenerator {
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    /** The detector's default silence timeout. */
    static final long SILENCE = 60 * MINUTE;

    @Override
    public String scenario() {
        return "fraud";
    }

    @Override
    public List<String> columns() {
        return List.of("transaction_id", "timestamp", "amount");
    }

    @Override
    public List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out) {
        Timeline timeline = new Timeline(out);
        List<Planted> planted = new ArrayList<>();
        int accounts = (int) Math.max(5, Math.min(50_000, config.events() / 50));
        Actors actors = new Actors();
        for (int a = 0; a < accounts; a++) {
            actors.add(new Actors.Actor(a, config.startMillis() + Actors.between(random, 0, 6 * MINUTE)));
        }
        // mean background gap is about 3 min per account: the data covers about this long
        long expectedEnd = config.startMillis() + config.events() / accounts * 3 * MINUTE;
        long plantEvery = config.plantFraud() ? Math.max(50, config.events() / 20) : Long.MAX_VALUE;
        for (long i = 0; i < config.events(); i++) {
            Actors.Actor a = actors.next();
            long t = a.nextTime;
            timeline.add(payment("acct-" + a.id, t, cleanAmount(random), false));
            if (i % plantEvery == plantEvery / 2) {
                Planted p = plant(planted.size(), t, expectedEnd, random, timeline);
                if (p != null) {
                    planted.add(p);
                }
            }
            timeline.advanceTo(t);
            actors.reschedule(a, t + Actors.between(random, 11 * SECOND, 6 * MINUTE));
        }
        timeline.flush();
        return planted;
    }

    private Planted plant(int n, long start, long expectedEnd, Random random, Timeline timeline) {
        long t = start;
        boolean silent = n % 2 == 1;
        String account = (silent ? "acct-dormant-" : "acct-fraud-") + n;
        long lastPayment = t;
        for (int k = 0; k < 12; k++) {
            lastPayment = t / SECOND * SECOND;
            timeline.add(payment(account, t, cleanAmount(random), true));
            t += Actors.between(random, MINUTE, 3 * MINUTE);
        }
        if (silent) {
            if (lastPayment + SILENCE > expectedEnd - 10 * MINUTE) {
                return null;           // too close to the end of the data to be seen as silence
            }
            return new Planted("SILENT", account, lastPayment, "no payment for an hour");
        }
        long windowStart = (t / (10 * SECOND) + 1) * 10 * SECOND;
        for (int k = 0; k < 3; k++) {
            timeline.add(payment(account, windowStart + SECOND + k * 3 * SECOND, 3000 + random.nextDouble() * 1500, true));
        }
        t = windowStart + 20 * SECOND;
        for (int k = 0; k < 5; k++) {
            t += Actors.between(random, MINUTE, 3 * MINUTE);
            timeline.add(payment(account, t, cleanAmount(random), true));
        }
        return new Planted("ANOMALY", account, windowStart, "three payments over 3000 in one 10 s window");
    }

    /** 10 to 2000, uniformly: everyday payments. */
    private static double cleanAmount(Random random) {
        return 10 + random.nextDouble() * 1990;
    }

    private static Row payment(String account, long t, double amount, boolean planted) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("transaction_id", account);
        f.put("timestamp", Actors.dateTime(t));
        f.put("amount", Actors.money(amount));
        return new Row(t / SECOND * SECOND, f, planted);
    }
}
