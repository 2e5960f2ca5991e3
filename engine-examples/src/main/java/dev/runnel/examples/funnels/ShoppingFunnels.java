package dev.runnel.examples.funnels;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CEP;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.common.LateEvents;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * S4, shopping funnels: eight patterns over each shopper's events, chosen by the shopper's segment;
 * completed funnels are scored and purchases worth a look alerted once each; funnels that ran out of
 * time are reported, the abandoned carts among them on their own.
 *
 * <pre>
 * shop events (CSV or JSON lines)                 watermark = max seen - 5 s - 1 ms
 *   -> LateEvents                                 rows behind the watermark -> LATE
 *   -> per funnel: the segments it watches -> keyBy(user) -> CEP.pattern -> FunnelMatcher
 *        matches (all funnels, unioned)           -> keyBy(user) -> PurchaseAlerts -> CRITICAL / WARNING
 *        timed-out partial matches (side output)  -> abandoned carts / other timed-out funnels
 * </pre>
 */
public final class ShoppingFunnels {
    /** Events that arrived behind the watermark: every funnel would have ignored them. */
    public static final OutputTag<ShopEvent> LATE = OutputTag.of("late-shop-events", ShopEvent.class);
    /** Events dated more than {@code maxAhead} after the latest event so far: kept out of event time and every funnel. */
    public static final OutputTag<ShopEvent> FUTURE = OutputTag.of("future-shop-events", ShopEvent.class);

    /**
     * @param zone     where "at night" is judged (and how local date-times in the input are read)
     * @param maxAhead an event dated more than this after the latest event so far goes to {@link #FUTURE}
     */
    public record Config(ZoneId zone, Duration outOfOrderness, List<Funnel> funnels, Duration maxAhead) {
        public static Config defaults() {
            return new Config(ZoneId.of("UTC"), Duration.ofSeconds(5), Funnels.all(), Duration.ofDays(7));
        }
    }

    public record Outputs(DataStream<FunnelMatch> matches, DataStream<PurchaseAlert> alerts, DataStream<PartialFunnel> abandonedCarts,
                          DataStream<PartialFunnel> otherTimeouts, DataStream<ShopEvent> late) {}

    private ShoppingFunnels() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("funnels", args));
    }

    public static DataStream<ShopEvent> read(StreamEnvironment env, Source<ShopEvent> source, Config config) {
        return env.fromSource(source,
            WatermarkStrategy.<ShopEvent>forBoundedOutOfOrderness(config.outOfOrderness())
                .withPerRecordEmission().withTimestampAssigner((e, ts) -> e.timestamp())
                .withFutureEventGuard(config.maxAhead(), FUTURE), Example.SOURCE_NAME);
    }

    public static Outputs detect(DataStream<ShopEvent> events, Config config) {
        if (config.funnels().isEmpty()) {
            throw new IllegalArgumentException("no funnels to run");
        }
        DataStream<ShopEvent> onTime = events.process(new LateEvents<>(LATE)).name("late-events");
        DataStream<FunnelMatch> matches = null;
        DataStream<PartialFunnel> timedOut = null;
        for (Funnel funnel : config.funnels()) {
            DataStream<FunnelMatch> funnelMatches = CEP.pattern(watchedBy(onTime, funnel).keyBy(ShopEvent::userId), funnel.pattern())
                .process(new FunnelMatcher(funnel.name(), funnel.stages()))
                .name("funnel-" + funnel.name());
            DataStream<PartialFunnel> funnelTimeouts = funnelMatches.getSideOutput(FunnelMatcher.TIMED_OUT);
            matches = matches == null ? funnelMatches : matches.union(funnelMatches);
            timedOut = timedOut == null ? funnelTimeouts : timedOut.union(funnelTimeouts);
        }
        DataStream<PurchaseAlert> alerts = matches.keyBy(FunnelMatch::userId).process(new PurchaseAlerts(config.zone()))
            .name("purchase-alerts");
        return new Outputs(matches, alerts, timedOut.filter(PartialFunnel::isAbandonedCart),
            timedOut.filter(p -> !p.isAbandonedCart()), onTime.getSideOutput(LATE));
    }

    /** The events of the shoppers whose segment {@code funnel} watches: how patterns are chosen per segment. */
    private static DataStream<ShopEvent> watchedBy(DataStream<ShopEvent> events, Funnel funnel) {
        if (funnel.segments().containsAll(Funnels.EVERY_SEGMENT)) {
            return events;
        }
        Set<Segment> segments = Set.copyOf(funnel.segments());
        return events.filter(e -> segments.contains(e.segment())).name("segments-" + funnel.name());
    }
}
