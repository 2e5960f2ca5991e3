package dev.runnel.examples.funnels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.examples.CliRun;
import dev.runnel.examples.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShoppingFunnelsTest {
    private static final long T0 = 1_715_594_400_000L; // 2024-05-13 10:00:00 UTC
    private static final long MINUTE = 60_000;

    @Test
    void bundledSampleAlertsEachRiskyPurchaseOnceAndReportsTheAbandonedCart() {
        CliRun run = CliRun.of("funnels", "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(
            "ALERT WARNING user=frank purchase at 2024-05-13T11:01:30Z amount=5.00 score=0.3 reasons=[bought 90 s after login] "
                + "funnels=[click_burst_purchase, view_or_click_purchase]",
            "ABANDONED cart_checkout user=bob expired at 2024-05-13T11:10:00Z: login 10:10:00 > browse 10:11:00 > add_to_cart 10:13:00, "
                + "no checkout",
            "DEAD_LETTER samples/shop-events.csv:39: unknown action 'wishlist'; expected one of [login, view, browse, click, add_to_cart, "
                + "checkout, purchase, logout] [judy,default,wishlist,2024-05-13 12:05:00,,]",
            "LATE user=bob checkout at 2024-05-13T10:14:00Z",
            "ALERT WARNING user=grace purchase at 2024-05-13T12:42:00Z amount=6200.00 score=0.7 reasons=[bought 120 s after login, "
                + "amount over 2000] funnels=[browsing_purchase, no_logout_purchase, repeat_purchases, view_or_click_purchase, view_purchase]",
            "ALERT CRITICAL user=heidi purchase at 2024-05-13T23:33:00Z amount=2500.00 score=0.9 reasons=[bought 180 s after login, "
                + "amount over 2000, at night] funnels=[browsing_purchase, no_logout_purchase, view_or_click_purchase, view_purchase]");
        assertThat(run.stderr()).contains("summary: rows=46 dead-letters=1 late=1")
            .contains("outputs: ABANDONED=1 ALERT=3 DEAD_LETTER=1 LATE=1 MATCH=31 TIMED_OUT=18");
    }

    @Test
    void eventDatedIn2099GoesToFutureAndChangesNoAlert(@TempDir Path dir) throws IOException {
        // alice's view dated 2099 after her login: without the guard every later event would be late and the
        // funnels would see none of them
        Path file = Samples.withLineAt(dir, "shop-events.csv", 2, "alice,default,view,2099-05-13 10:01:00,80.00,");

        CliRun run = CliRun.of("funnels", "--quiet", "--input", file.toString());

        assertThat(run.kind("FUTURE")).containsExactly("FUTURE user=alice view at 2099-05-13T10:01:00Z");
        assertThat(run.kind("ALERT")).hasSize(3);
        assertThat(run.kind("LATE")).containsExactly("LATE user=bob checkout at 2024-05-13T10:14:00Z");
        assertThat(run.stderr()).contains("summary: rows=47 dead-letters=1 late=1 future=1")
            .contains("outputs: ABANDONED=1 ALERT=3 DEAD_LETTER=1 FUTURE=1 LATE=1 MATCH=31 TIMED_OUT=18");
    }

    @Test
    void bundledSampleShowsWhichFunnelsEachShopperCompleted() {
        CliRun run = CliRun.of("funnels", "--quiet", "--matches");

        // dave logged out between the view and the purchase: no no_logout_purchase
        assertThat(run.kind("MATCH")).filteredOn(l -> l.contains(" user=dave ")).containsExactly(
            "MATCH view_purchase user=dave segment=default at 2024-05-13T10:34:00Z: login 10:30:00 > view 10:31:00 > purchase 10:34:00 (75.00)",
            "MATCH view_or_click_purchase user=dave segment=default at 2024-05-13T10:34:00Z: login 10:30:00 > view 10:31:00 > purchase 10:34:00 (75.00)",
            "MATCH browsing_purchase user=dave segment=default at 2024-05-13T10:34:00Z: view 10:31:00 > purchase 10:34:00 (75.00)");
        // erin, high value, bought exactly 10 min after the view: too late for the 10-min funnels
        // (within is exclusive), in time for the 15, 20 and 30-min ones
        assertThat(run.kind("MATCH")).filteredOn(l -> l.contains(" user=erin ")).extracting(l -> l.split(" ")[1])
            .containsExactly("view_or_click_purchase", "no_logout_purchase", "premium_purchase");
        // ivan's three views, one match thanks to skipPastLastEvent
        assertThat(run.kind("MATCH")).filteredOn(l -> l.contains(" user=ivan ")).containsExactly(
            "MATCH browsing_purchase user=ivan segment=default at 2024-05-13T12:06:00Z: view 12:00:00 > view 12:02:00 > view 12:04:00 > purchase 12:06:00 (99.00)");
        assertThat(run.kind("MATCH")).filteredOn(l -> l.startsWith("MATCH repeat_purchases ")).containsExactly(
            "MATCH repeat_purchases user=grace segment=frequent_buyer at 2024-05-13T12:42:00Z: "
                + "purchase 11:12:00 (40.00) > purchase 11:52:00 (60.00) > purchase 12:42:00 (6200.00)");
    }

    @Test
    void cartWithoutCheckoutTimesOutAnHourAfterTheLoginWithTheStepsItReached() {
        ScriptedSource<ShopEvent> source = ScriptedSource.<ShopEvent>create()
            .event(ev("u1", Action.LOGIN, T0), T0)
            .event(ev("u1", Action.BROWSE, T0 + MINUTE), T0 + MINUTE)
            .event(ev("u1", Action.ADD_TO_CART, T0 + 2 * MINUTE), T0 + 2 * MINUTE)
            .event(ev("u2", Action.LOGIN, T0), T0)
            .event(ev("u2", Action.BROWSE, T0 + MINUTE), T0 + MINUTE)
            .event(ev("u2", Action.ADD_TO_CART, T0 + 2 * MINUTE), T0 + 2 * MINUTE)
            .event(ev("u2", Action.CHECKOUT, T0 + 59 * MINUTE), T0 + 59 * MINUTE)     // in time
            .event(ev("u3", Action.LOGIN, T0), T0)
            .event(ev("u3", Action.BROWSE, T0 + MINUTE), T0 + MINUTE)
            .event(ev("u3", Action.ADD_TO_CART, T0 + 2 * MINUTE), T0 + 2 * MINUTE)
            .event(ev("u3", Action.CHECKOUT, T0 + 60 * MINUTE), T0 + 60 * MINUTE)     // the window is [login, login + 1 h)
            .watermark(T0 + 2 * 60 * MINUTE);

        Outputs out = run(source, "cart_checkout");

        // both expire at the same instant; keys come out in no particular order
        assertThat(out.abandoned).containsExactlyInAnyOrder(
            new PartialFunnel("cart_checkout", "u1", List.of(step("login", "u1", Action.LOGIN, T0), step("browse", "u1", Action.BROWSE, T0 + MINUTE),
                step("add_to_cart", "u1", Action.ADD_TO_CART, T0 + 2 * MINUTE)), "checkout", T0 + 60 * MINUTE),
            new PartialFunnel("cart_checkout", "u3", List.of(step("login", "u3", Action.LOGIN, T0), step("browse", "u3", Action.BROWSE, T0 + MINUTE),
                step("add_to_cart", "u3", Action.ADD_TO_CART, T0 + 2 * MINUTE)), "checkout", T0 + 60 * MINUTE));
        assertThat(out.matches).extracting(FunnelMatch::userId).containsExactly("u2");
    }

    @Test
    void aLoopingFunnelThatRunsOutOfTimeIsReportedOnce() {
        // a view, then a click neither stage takes: the matcher holds two branches of one funnel
        ScriptedSource<ShopEvent> source = ScriptedSource.<ShopEvent>create()
            .event(ev("u1", Action.VIEW, T0), T0)
            .event(ev("u1", Action.CLICK, T0 + MINUTE), T0 + MINUTE)
            .event(ev("u1", Action.CLICK, T0 + 2 * MINUTE), T0 + 2 * MINUTE);

        Outputs out = run(source, "browsing_purchase");

        assertThat(out.timedOut).containsExactly(new PartialFunnel("browsing_purchase", "u1",
            List.of(step("views", "u1", Action.VIEW, T0)), "purchase", T0 + 10 * MINUTE));
    }

    @Test
    void segmentFunnelsWatchOnlyTheirSegment() {
        ScriptedSource<ShopEvent> source = ScriptedSource.create();
        for (Segment segment : Segment.values()) {
            String user = segment.label();
            long t = T0;
            for (int k = 0; k < 3; k++) {    // login, a view priced 500, a purchase: three times within 2 h
                source.event(new ShopEvent(user, segment, Action.LOGIN, t, Double.NaN, Double.NaN), t);
                source.event(new ShopEvent(user, segment, Action.VIEW, t + MINUTE, 500, Double.NaN), t + MINUTE);
                source.event(new ShopEvent(user, segment, Action.PURCHASE, t + 2 * MINUTE, Double.NaN, 50), t + 2 * MINUTE);
                t += 30 * MINUTE;
            }
        }

        Outputs out = run(source, "premium_purchase", "repeat_purchases");

        assertThat(out.matches).extracting(m -> m.funnel() + " " + m.userId()).containsExactlyInAnyOrder(
            "premium_purchase high_value", "premium_purchase high_value", "premium_purchase high_value",
            "repeat_purchases frequent_buyer");
    }

    @Test
    void riskScoreCountsAQuickPurchaseALargeAmountAndTheNightInTheConfiguredZone() {
        long lateEvening = T0 + 11 * 60 * MINUTE;   // 21:00 UTC, 23:00 in Paris (summer time)
        FunnelMatch match = new FunnelMatch("view_purchase", "u1", Segment.DEFAULT, List.of(
            step("login", "u1", Action.LOGIN, lateEvening - 4 * MINUTE),
            step("view", "u1", Action.VIEW, lateEvening - 3 * MINUTE),
            new FunnelStep("purchase", new ShopEvent("u1", Segment.DEFAULT, Action.PURCHASE, lateEvening, Double.NaN, 2000.01))),
            lateEvening);

        PurchaseRisk utc = PurchaseRisk.of(match, ZoneId.of("UTC"));
        PurchaseRisk paris = PurchaseRisk.of(match, ZoneId.of("Europe/Paris"));

        assertThat(utc.score()).isEqualTo(0.7);
        assertThat(utc.level()).isEqualTo(PurchaseRisk.Level.NONE);
        assertThat(paris.score()).isEqualTo(0.9);
        assertThat(paris.level()).isEqualTo(PurchaseRisk.Level.CRITICAL);
        assertThat(paris.reasons()).containsExactly("bought 240 s after login", "amount over 2000", "at night");
    }

    @Test
    void unknownFunnelIsAUsageErrorThatListsTheKnownOnes() {
        CliRun run = CliRun.of("funnels", "--funnels", "view_purchase,wishlist");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--funnels: unknown funnels [wishlist]").contains("cart_checkout");
    }

    private record Outputs(List<FunnelMatch> matches, List<PartialFunnel> abandoned, List<PartialFunnel> timedOut) {}

    private static Outputs run(ScriptedSource<ShopEvent> source, String... funnels) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<ShopEvent> events = env.fromSource(source, WatermarkStrategy.noWatermarks(), "input");
        ShoppingFunnels.Config d = ShoppingFunnels.Config.defaults();
        ShoppingFunnels.Outputs outputs = ShoppingFunnels.detect(events,
            new ShoppingFunnels.Config(d.zone(), d.outOfOrderness(), Funnels.named(List.of(funnels)), d.maxAhead()));
        CollectSink<FunnelMatch> matches = new CollectSink<>();
        CollectSink<PartialFunnel> abandoned = new CollectSink<>();
        CollectSink<PartialFunnel> timedOut = new CollectSink<>();
        outputs.matches().addSink(matches);
        outputs.abandonedCarts().addSink(abandoned);
        outputs.otherTimeouts().addSink(timedOut);
        env.execute("funnels-test");
        return new Outputs(matches.values(), abandoned.values(), timedOut.values());
    }

    private static ShopEvent ev(String user, Action action, long t) {
        return new ShopEvent(user, Segment.DEFAULT, action, t, Double.NaN, Double.NaN);
    }

    private static FunnelStep step(String stage, String user, Action action, long t) {
        return new FunnelStep(stage, ev(user, action, t));
    }
}
