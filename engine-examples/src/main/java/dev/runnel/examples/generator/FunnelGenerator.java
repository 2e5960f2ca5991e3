package dev.runnel.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * S4 shop events ({@code user_id,segment,action,timestamp,price,amount}). Background shoppers (70 %
 * default, 15 % high value, 15 % frequent buyers) shop between 08:00 and 22:30, a session at least
 * 70 minutes after the last one ends: they leave after a few views, browse and click, buy (10 to
 * 2000), or fill a cart and check out and pay within the session. So no background purchase is
 * risky, no cart is abandoned, and no funnel window (at most 1 h) spans two sessions.
 *
 * <p>Planted, each on a fresh shopper, in turn: an abandoned cart; a night-time purchase of 2500+
 * three minutes after login (CRITICAL); a purchase over 5000 and one under 10 (WARNING); a purchase
 * without a logout after the view (no_logout_purchase) and one with (view_purchase only); three
 * clicks then a purchase; four views then a purchase; a premium shopper's purchase; a frequent
 * buyer's three purchases within 80 minutes.
 */
public final class FunnelGenerator implements ScenarioGenerator {
    /** A planted logout between view and purchase: view_purchase must match, no_logout_purchase must not. */
    public static final String LOGOUT_BEFORE_PURCHASE = "LOGOUT_BEFORE_PURCHASE";
    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long DAY = 24 * 60 * MINUTE;

    @Override
    public String scenario() {
        return "funnels";
    }

    @Override
    public List<String> columns() {
        return List.of("user_id", "segment", "action", "timestamp", "price", "amount");
    }

    @Override
    public List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out) {
        Timeline timeline = new Timeline(out);
        List<Planted> planted = new ArrayList<>();
        int users = (int) Math.max(10, Math.min(20_000, config.events() / 40));
        String[] segment = new String[users];
        Actors actors = new Actors();
        for (int u = 0; u < users; u++) {
            int s = random.nextInt(20);
            segment[u] = s < 14 ? "default" : s < 17 ? "high_value" : "frequent_buyer";
            actors.add(new Actors.Actor(u, config.startMillis() + Actors.between(random, 0, 60 * MINUTE)));
        }
        long plantEvery = config.plantFraud() ? Math.max(100, config.events() / 30) : Long.MAX_VALUE;
        long written = 0;
        long nextPlant = plantEvery / 2;
        while (written < config.events()) {
            Actors.Actor a = actors.next();
            long start = RiskGenerator.daytime(a.nextTime);
            List<Row> session = session("shopper-" + a.id, segment[a.id], start, random);
            session.forEach(timeline::add);
            written += session.size();
            if (written >= nextPlant) {
                planted.add(plant(planted.size(), start, random, timeline));
                nextPlant += plantEvery;
            }
            timeline.advanceTo(start);
            long end = session.get(session.size() - 1).timestamp();
            actors.reschedule(a, end + Actors.between(random, 70 * MINUTE, 8 * 60 * MINUTE));
        }
        timeline.flush();
        return planted;
    }

    /** One background session: login, then leave, browse, buy or check out a cart, then logout. */
    private static List<Row> session(String user, String segment, long start, Random random) {
        List<Row> rows = new ArrayList<>();
        long[] t = {start};
        rows.add(row(user, segment, "login", t[0], Double.NaN, Double.NaN, false));
        int kind = random.nextInt(20);
        if (kind < 6) {                    // leaves after a few views
            repeat(1 + random.nextInt(3), () -> rows.add(row(user, segment, "view", step(t, random), price(random), Double.NaN, false)));
        } else if (kind < 11) {            // browses and clicks around
            rows.add(row(user, segment, "browse", step(t, random), Double.NaN, Double.NaN, false));
            repeat(1 + random.nextInt(4), () -> rows.add(row(user, segment, "view", step(t, random), price(random), Double.NaN, false)));
            repeat(random.nextInt(3), () -> rows.add(row(user, segment, "click", step(t, random), Double.NaN, Double.NaN, false)));
        } else if (kind < 16) {            // buys what it looked at
            repeat(1 + random.nextInt(3), () -> rows.add(row(user, segment, random.nextBoolean() ? "view" : "click", step(t, random),
                price(random), Double.NaN, false)));
            rows.add(row(user, segment, "purchase", step(t, random), Double.NaN, 10 + random.nextDouble() * 1990, false));
        } else {                           // fills a cart and pays
            rows.add(row(user, segment, "browse", step(t, random), Double.NaN, Double.NaN, false));
            repeat(1 + random.nextInt(2), () -> rows.add(row(user, segment, "view", step(t, random), price(random), Double.NaN, false)));
            rows.add(row(user, segment, "add_to_cart", step(t, random), Double.NaN, Double.NaN, false));
            rows.add(row(user, segment, "checkout", step(t, random), Double.NaN, Double.NaN, false));
            rows.add(row(user, segment, "purchase", step(t, random), Double.NaN, 10 + random.nextDouble() * 1990, false));
        }
        rows.add(row(user, segment, "logout", step(t, random), Double.NaN, Double.NaN, false));
        return rows;
    }

    private Planted plant(int n, long start, Random random, Timeline timeline) {
        String user = "planted-" + n;
        long t = start / SECOND * SECOND;
        List<Row> rows = new ArrayList<>();
        Planted planted;
        switch (n % 10) {
            case 0 -> {
                rows.add(plantedRow(user, "default", "login", t));
                rows.add(plantedRow(user, "default", "browse", t + MINUTE));
                rows.add(row(user, "default", "view", t + 2 * MINUTE, 120, Double.NaN, true));
                rows.add(plantedRow(user, "default", "add_to_cart", t + 3 * MINUTE));
                rows.add(plantedRow(user, "default", "logout", t + 5 * MINUTE));
                planted = new Planted("ABANDONED", user, t + 60 * MINUTE, "cart_checkout: add_to_cart, no checkout within 1 h of login");
            }
            case 1 -> {
                long night = t - Math.floorMod(t, DAY) + 23 * 60 * MINUTE + Actors.between(random, 0, 40) * MINUTE;
                rows.add(plantedRow(user, "default", "login", night));
                rows.add(row(user, "default", "view", night + MINUTE, 900, Double.NaN, true));
                rows.add(row(user, "default", "purchase", night + 3 * MINUTE, Double.NaN, 2500 + random.nextInt(1500), true));
                planted = new Planted("CRITICAL", user, night + 3 * MINUTE, "2500+ at night 3 min after login: score 0.9");
            }
            case 2 -> {
                rows.add(plantedRow(user, "default", "login", t));
                rows.add(row(user, "default", "view", t + MINUTE, 1500, Double.NaN, true));
                rows.add(row(user, "default", "purchase", t + 12 * MINUTE, Double.NaN, 6000 + random.nextInt(3000), true));
                planted = new Planted("WARNING", user, t + 12 * MINUTE, "amount over 5000");
            }
            case 3 -> {
                rows.add(plantedRow(user, "default", "login", t));
                rows.add(plantedRow(user, "default", "click", t + MINUTE));
                rows.add(row(user, "default", "purchase", t + 8 * MINUTE, Double.NaN, 1 + random.nextInt(8), true));
                planted = new Planted("WARNING", user, t + 8 * MINUTE, "amount under 10");
            }
            case 4 -> {
                rows.add(plantedRow(user, "default", "login", t));
                rows.add(row(user, "default", "view", t + MINUTE, 60, Double.NaN, true));
                rows.add(row(user, "default", "purchase", t + 6 * MINUTE, Double.NaN, 80, true));
                planted = new Planted("no_logout_purchase", user, t + 6 * MINUTE, "no logout between view and purchase");
            }
            case 5 -> {
                rows.add(plantedRow(user, "default", "login", t));
                rows.add(row(user, "default", "view", t + MINUTE, 60, Double.NaN, true));
                rows.add(plantedRow(user, "default", "logout", t + 2 * MINUTE));
                rows.add(row(user, "default", "purchase", t + 4 * MINUTE, Double.NaN, 80, true));
                planted = new Planted(LOGOUT_BEFORE_PURCHASE, user, t + 4 * MINUTE, "view_purchase, but not no_logout_purchase");
            }
            case 6 -> {
                rows.add(plantedRow(user, "default", "login", t));
                for (int k = 1; k <= 3; k++) {
                    rows.add(plantedRow(user, "default", "click", t + k * 20 * SECOND));
                }
                rows.add(row(user, "default", "purchase", t + 90 * SECOND, Double.NaN, 45, true));
                planted = new Planted("click_burst_purchase", user, t + 90 * SECOND, "three clicks, then a purchase");
            }
            case 7 -> {
                for (int k = 0; k < 4; k++) {
                    rows.add(row(user, "default", "view", t + k * MINUTE, 30, Double.NaN, true));
                }
                rows.add(row(user, "default", "purchase", t + 5 * MINUTE, Double.NaN, 30, true));
                planted = new Planted("browsing_purchase", user, t + 5 * MINUTE, "four views, then a purchase");
            }
            case 8 -> {
                rows.add(plantedRow(user, "high_value", "login", t));
                rows.add(row(user, "high_value", "view", t + MINUTE, 500, Double.NaN, true));
                rows.add(row(user, "high_value", "purchase", t + 15 * MINUTE, Double.NaN, 800, true));
                planted = new Planted("premium_purchase", user, t + 15 * MINUTE, "premium login, view at 500, purchase");
            }
            default -> {
                for (int k = 0; k < 3; k++) {
                    long s = t + k * 40 * MINUTE;
                    rows.add(plantedRow(user, "frequent_buyer", "login", s));
                    rows.add(row(user, "frequent_buyer", "view", s + MINUTE, 40, Double.NaN, true));
                    rows.add(row(user, "frequent_buyer", "purchase", s + 2 * MINUTE, Double.NaN, 40, true));
                }
                planted = new Planted("repeat_purchases", user, t + 82 * MINUTE, "three purchases within 80 min");
            }
        }
        rows.forEach(timeline::add);
        return planted;
    }

    private static long step(long[] t, Random random) {
        t[0] += Actors.between(random, 20 * SECOND, 3 * MINUTE);
        return t[0];
    }

    private static double price(Random random) {
        return 5 + random.nextDouble() * 1200;
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    private static Row plantedRow(String user, String segment, String action, long t) {
        return row(user, segment, action, t, Double.NaN, Double.NaN, true);
    }

    private static Row row(String user, String segment, String action, long t, double price, double amount, boolean planted) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("user_id", user);
        f.put("segment", segment);
        f.put("action", action);
        f.put("timestamp", Actors.dateTime(t));
        f.put("price", Double.isNaN(price) ? "" : Actors.money(price));
        f.put("amount", Double.isNaN(amount) ? "" : Actors.money(amount));
        return new Row(t / SECOND * SECOND, f, planted);
    }
}
