package dev.runnel.examples.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * S3 user events ({@code user_id,event_type,timestamp,amount,latitude,longitude,page,category}).
 * Background users log in at home, view pages, call APIs, sometimes pay 100 to 5000, and log out, a
 * session every 30 min to 6 h. Planted, each on a fresh user, in turn: five logins in a row 10 s
 * apart; logins one hour apart on two continents; a payment of 15000 followed by ten payments under
 * 100; a scraper making 120 API calls and no page view in one 30-minute session window; a flood of
 * 1050 events in one window.
 */
public final class CepFraudGenerator implements ScenarioGenerator {
    private static final String[] PAGES = {"/home", "/account", "/products", "/cart", "/help"};
    private static final long MINUTE = 60_000;
    /** The detector's session-analysis window. */
    private static final long SESSION_WINDOW = 30 * MINUTE;

    @Override
    public String scenario() {
        return "cep";
    }

    @Override
    public List<String> columns() {
        return List.of("user_id", "event_type", "timestamp", "amount", "latitude", "longitude", "page", "category");
    }

    @Override
    public List<Planted> generate(GeneratorConfig config, Random random, Consumer<Row> out) {
        Timeline timeline = new Timeline(out);
        List<Planted> planted = new ArrayList<>();
        int users = (int) Math.max(10, Math.min(50_000, config.events() / 60));
        int[] home = new int[users];
        Actors actors = new Actors();
        for (int u = 0; u < users; u++) {
            home[u] = random.nextInt(Cities.NAMES.length);
            actors.add(new Actors.Actor(u, config.startMillis() + Actors.between(random, 0, 60 * MINUTE)));
        }
        long plantEvery = config.plantFraud() ? Math.max(100, config.events() / 30) : Long.MAX_VALUE;
        long written = 0;
        long nextPlant = plantEvery / 2;
        while (written < config.events()) {
            Actors.Actor a = actors.next();
            String user = "user-" + a.id;
            long t = a.nextTime;
            int city = home[a.id];
            timeline.add(event(user, "login", t, Double.NaN, city, random, "", false));
            int steps = 2 + random.nextInt(8);
            for (int k = 0; k < steps; k++) {
                t += Actors.between(random, 5_000, 90_000);
                int kind = random.nextInt(10);
                if (kind < 6) {
                    timeline.add(event(user, "page_view", t, Double.NaN, city, random, PAGES[random.nextInt(PAGES.length)], false));
                } else if (kind < 9) {
                    timeline.add(event(user, "api_call", t, Double.NaN, city, random, "", false));
                } else {
                    timeline.add(event(user, "transaction", t, 100 + random.nextDouble() * 4900, city, random, "", false));
                }
            }
            t += Actors.between(random, 5_000, 60_000);
            timeline.add(event(user, "logout", t, Double.NaN, city, random, "", false));
            written += steps + 2;
            if (written >= nextPlant) {
                planted.add(plant(planted.size(), a.nextTime, random, timeline));
                nextPlant += plantEvery;
            }
            timeline.advanceTo(a.nextTime);
            actors.reschedule(a, t + Actors.between(random, 30 * MINUTE, 6 * 60 * MINUTE));
        }
        timeline.flush();
        return planted;
    }

    private Planted plant(int n, long t, Random random, Timeline timeline) {
        int city = random.nextInt(Cities.NAMES.length);
        switch (n % 5) {
            case 0 -> {
                String user = "bot-" + n;
                for (int k = 0; k < 5; k++) {
                    timeline.add(event(user, "login", t + k * 10_000L, Double.NaN, city, random, "", true));
                }
                return new Planted("RAPID_LOGIN_ATTEMPTS", user, t / 1000 * 1000 + 40_000, "5 logins in 40 s");
            }
            case 1 -> {
                String user = "traveller-" + n;
                timeline.add(event(user, "login", t, Double.NaN, city, random, "", true));
                timeline.add(event(user, "page_view", t + 20_000, Double.NaN, city, random, "/home", true));
                timeline.add(event(user, "logout", t + 60_000, Double.NaN, city, random, "", true));
                long second = t + 60 * MINUTE;
                timeline.add(event(user, "login", second, Double.NaN, Cities.farFrom(city), random, "", true));
                return new Planted("GEOGRAPHICAL_IMPOSSIBILITY", user, second / 1000 * 1000,
                    Cities.NAMES[city] + " to " + Cities.NAMES[Cities.farFrom(city)] + " in 1 h");
            }
            case 2 -> {
                String user = "mule-" + n;
                timeline.add(event(user, "login", t, Double.NaN, city, random, "", true));
                timeline.add(event(user, "transaction", t + 30_000, 15_000, city, random, "", true));
                long last = t;
                for (int k = 0; k < 10; k++) {
                    last = t + 60_000 + k * 2 * MINUTE;
                    timeline.add(event(user, "transaction", last, 20 + random.nextDouble() * 70, city, random, "", true));
                }
                return new Planted("SUSPICIOUS_TRANSACTION_PATTERN", user, last / 1000 * 1000, "15000 then ten under 100");
            }
            case 3 -> {
                String user = "scraper-" + n;
                long window = sessionWindowAfter(t);
                for (int k = 0; k < 120; k++) {
                    timeline.add(event(user, "api_call", window + k * 10_000L, Double.NaN, city, random, "", true));
                }
                return new Planted("SESSION_ANOMALY", user, window, "120 API calls, no page view: score 0.5");
            }
            default -> {
                String user = "flood-" + n;
                long window = sessionWindowAfter(t);
                for (int k = 0; k < 1050; k++) {
                    String type = k % 3 == 0 ? "page_view" : "api_call";
                    timeline.add(event(user, type, window + k * 1_500L, Double.NaN, city, random, type.equals("page_view") ? "/products" : "", true));
                }
                return new Planted("SESSION_ANOMALY", user, window, "1050 events in one window: score 0.3");
            }
        }
    }

    /** The start of the first 30-minute session-analysis window after {@code t}, so a burst fills one window. */
    private static long sessionWindowAfter(long t) {
        return (t / SESSION_WINDOW + 1) * SESSION_WINDOW;
    }

    private static Row event(String user, String type, long t, double amount, int city, Random random, String page, boolean planted) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("user_id", user);
        f.put("event_type", type);
        f.put("timestamp", Actors.dateTime(t));
        f.put("amount", Double.isNaN(amount) ? "" : Actors.money(amount));
        f.put("latitude", Math.round((Cities.LATITUDES[city] + (random.nextDouble() - 0.5) * 0.06) * 1e4) / 1e4);
        f.put("longitude", Math.round((Cities.LONGITUDES[city] + (random.nextDouble() - 0.5) * 0.06) * 1e4) / 1e4);
        f.put("page", page);
        f.put("category", type.equals("transaction") ? "shopping" : "");
        return new Row(t / 1000 * 1000, f, planted);
    }
}
