package dev.runnel.examples.funnels;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.TreeSet;

/**
 * Per user: one alert per purchase, however many funnels matched it. Several funnels usually end in
 * the same purchase (a login, a view and a purchase complete four of them); alerting per match would
 * repeat the alert, and the matches see different things (only those with a login know how soon
 * after it the purchase came). So the matches of a purchase are gathered until the watermark passes
 * the purchase -- each pattern operator sends its matches before the watermark that completed them,
 * and this operator's watermark is the smallest of theirs -- and the purchase is judged once, on the
 * highest score any match gave it.
 */
final class PurchaseAlerts extends KeyedProcessFunction<String, FunnelMatch, PurchaseAlert> {
    private final ZoneId zone;
    private transient MapState<Long, ArrayList<FunnelMatch>> byPurchaseTime;

    PurchaseAlerts(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(RuntimeContext context) {
        byPurchaseTime = context.getMapState(new MapStateDescriptor<>("matches-by-purchase-time", Long.class,
            (Class<ArrayList<FunnelMatch>>) (Class<?>) ArrayList.class));
    }

    @Override
    public void processElement(FunnelMatch match, Context ctx, Collector<PurchaseAlert> out) {
        ShopEvent purchase = match.purchase();
        if (purchase == null) {
            return;
        }
        ArrayList<FunnelMatch> matches = byPurchaseTime.get(purchase.timestamp());
        if (matches == null) {
            matches = new ArrayList<>(4);
            ctx.timerService().registerEventTimeTimer(purchase.timestamp());
        }
        matches.add(match);
        byPurchaseTime.put(purchase.timestamp(), matches);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PurchaseAlert> out) {
        ArrayList<FunnelMatch> matches = byPurchaseTime.get(timestamp);
        if (matches == null) {
            return;
        }
        byPurchaseTime.remove(timestamp);
        PurchaseRisk worst = null;
        TreeSet<String> funnels = new TreeSet<>();
        for (FunnelMatch m : matches) {
            PurchaseRisk risk = PurchaseRisk.of(m, zone);
            funnels.add(m.funnel());
            if (worst == null || risk.score() > worst.score()) {
                worst = risk;
            }
        }
        if (worst.level() != PurchaseRisk.Level.NONE) {
            ShopEvent p = worst.purchase();
            out.collect(new PurchaseAlert(p.userId(), worst.level(), worst.score(), p.amount(), p.timestamp(), worst.reasons(),
                new ArrayList<>(funnels)));
        }
    }
}
