package dev.runnel.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * S2 transactions. Background users pay, transfer and withdraw from home (within ~5 km), 20 min to
 * 3 h apart, between 08:00 and 21:59, amounts within ±50 % of their own typical amount. Planted,
 * each on a fresh user after a normal history: a burst of 12 withdrawals in 4 min (velocity), a
 * payment from another continent (location), a payment 40 times the usual amount (amount).
 */
public final class RiskGenerator implements ScenarioGenerator {
    static final String[] TYPES = {"payment", "payment", "payment", "transfer", "withdrawal", "deposit", "investment"};
    private static final long MINUTE = 60_000;

    @Override
    public String scenario() {
        return "risk";
    }

    @Override
    public List<String> columns() {
        return List.of("transaction_id", "user_id", "account_id", "type", "amount", "currency", "timestamp", "merchant_id", "latitude", "longitude");
    }

    @Override
    public List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out) {
        Timeline timeline = new Timeline(out);
        List<Planted> planted = new ArrayList<>();
        int users = (int) Math.max(10, Math.min(20_000, config.events() / 100));
        int[] home = new int[users];
        double[] typical = new double[users];
        Actors actors = new Actors();
        for (int u = 0; u < users; u++) {
            home[u] = random.nextInt(Cities.NAMES.length);
            typical[u] = 20 + random.nextInt(480);
            actors.add(new Actors.Actor(u, config.startMillis() + Actors.between(random, 0, 60 * MINUTE)));
        }
        long plantEvery = config.plantFraud() ? Math.max(50, config.events() / 30) : Long.MAX_VALUE;
        long[] txIds = {0};
        for (long i = 0; i < config.events(); i++) {
            Actors.Actor a = actors.next();
            long t = daytime(a.nextTime);
            String type = TYPES[random.nextInt(TYPES.length)];
            timeline.add(tx(txIds, "user-" + a.id, type, typical[a.id] * (0.5 + random.nextDouble()), t, home[a.id], random, false));
            actors.reschedule(a, t + Actors.between(random, 20 * MINUTE, 180 * MINUTE));
            if (i % plantEvery == plantEvery / 2) {
                planted.add(plant(planted.size(), t, random, timeline, txIds));
            }
            timeline.advanceTo(t);
        }
        timeline.flush();
        return planted;
    }

    /** A fresh user with twenty normal transactions (enough history for every rule), then one of three kinds of fraud. */
    private Planted plant(int n, long start, Random random, Timeline timeline, long[] txIds) {
        String user = "fraud-user-" + n;
        int city = random.nextInt(Cities.NAMES.length);
        double typical = 50 + random.nextInt(200);
        long t = daytime(start);
        for (int k = 0; k < 20; k++) {
            timeline.add(tx(txIds, user, TYPES[k % TYPES.length], typical * (0.8 + 0.4 * random.nextDouble()), t, city, random, true));
            t = daytime(t + Actors.between(random, 20 * MINUTE, 60 * MINUTE));
        }
        Row last;
        String kind;
        switch (n % 3) {
            case 0 -> {
                kind = "VELOCITY";
                last = null;
                for (int k = 0; k < 12; k++) {
                    last = tx(txIds, user, "withdrawal", typical, t + k * 20_000, city, random, true);
                    timeline.add(last);
                }
            }
            case 1 -> {
                kind = "LOCATION";
                last = tx(txIds, user, "payment", typical, t, Cities.farFrom(city), random, true);
                timeline.add(last);
            }
            default -> {
                kind = "AMOUNT";
                last = tx(txIds, user, "payment", typical * 40, t, city, random, true);
                timeline.add(last);
            }
        }
        return new Planted(kind, (String) last.fields().get("transaction_id"), last.timestamp(), user);
    }

    private static Row tx(long[] ids, String user, String type, double amount, long t, int city, Random random, boolean planted) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("transaction_id", "tx-" + (++ids[0]));
        f.put("user_id", user);
        f.put("account_id", "acc-" + user);
        f.put("type", type);
        f.put("amount", Actors.money(amount));
        f.put("currency", "USD");
        f.put("timestamp", Actors.dateTime(t));
        f.put("merchant_id", "m-" + random.nextInt(500));
        f.put("latitude", Math.round((Cities.LATITUDES[city] + (random.nextDouble() - 0.5) * 0.06) * 1e4) / 1e4);
        f.put("longitude", Math.round((Cities.LONGITUDES[city] + (random.nextDouble() - 0.5) * 0.06) * 1e4) / 1e4);
        // whole seconds, as the CSV has them
        return new Row(t / 1000 * 1000, f, planted);
    }

    /** Moves night-time (22:00-07:59 UTC) to 08:00 the next morning: background users sleep. */
    static long daytime(long t) {
        long day = 24 * 60 * MINUTE;
        long ofDay = Math.floorMod(t, day);
        if (ofDay >= 22 * 60 * MINUTE) {
            return t - ofDay + day + 8 * 60 * MINUTE;
        }
        if (ofDay < 8 * 60 * MINUTE) {
            return t - ofDay + 8 * 60 * MINUTE;
        }
        return t;
    }
}
