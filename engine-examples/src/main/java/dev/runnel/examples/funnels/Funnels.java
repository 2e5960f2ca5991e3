package dev.runnel.examples.funnels;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The funnels of S4, each a pattern showing one feature of the pattern language, and which segments
 * each watches: the six general funnels watch every shopper, the premium funnel high-value shoppers,
 * the repeat-purchase funnel frequent buyers. Each call builds new patterns (pattern builders are
 * mutable, and every job compiles its own).
 */
public final class Funnels {
    static final Set<Segment> EVERY_SEGMENT = EnumSet.allOf(Segment.class);

    private Funnels() {}

    public static List<Funnel> all() {
        return List.of(
            new Funnel("view_purchase", "login -> view -> purchase within 10 min", EVERY_SEGMENT, viewPurchase()),
            new Funnel("cart_checkout", "login -> browse -> add_to_cart -> checkout within 1 h", EVERY_SEGMENT, cartCheckout()),
            new Funnel("view_or_click_purchase", "login -> (view or click) -> purchase within 30 min", EVERY_SEGMENT,
                viewOrClickPurchase()),
            new Funnel("no_logout_purchase", "login -> view, no logout, -> purchase within 15 min", EVERY_SEGMENT, noLogoutPurchase()),
            new Funnel("click_burst_purchase", "3 clicks -> purchase within 5 min", EVERY_SEGMENT, clickBurstPurchase()),
            new Funnel("browsing_purchase", "views (as many as there are) -> purchase within 10 min", EVERY_SEGMENT,
                browsingPurchase()),
            new Funnel("premium_purchase", "premium login -> view priced 100..1000 -> purchase within 20 min",
                EnumSet.of(Segment.HIGH_VALUE), premiumPurchase()),
            new Funnel("repeat_purchases", "3 purchases within 2 h", EnumSet.of(Segment.FREQUENT_BUYER), repeatPurchases()));
    }

    /** The funnels named in {@code names}, in catalog order; fails naming the unknown ones. */
    public static List<Funnel> named(List<String> names) {
        List<Funnel> chosen = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (Funnel f : all()) {
            known.add(f.name());
            if (names.contains(f.name())) {
                chosen.add(f);
            }
        }
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown funnels " + unknown + "; funnels: " + known);
        }
        return chosen;
    }

    /** The shortest funnel: three stages, each the next matching event ({@code followedBy}). */
    static Pattern<ShopEvent, ?> viewPurchase() {
        return Pattern.<ShopEvent>begin("login").where(is(Action.LOGIN))
            .followedBy("view").where(is(Action.VIEW))
            .followedBy("purchase").where(is(Action.PURCHASE))
            .within(Duration.ofMinutes(10));
    }

    /** A cart funnel; its timed-out partial matches that reached the cart are the abandoned carts. */
    static Pattern<ShopEvent, ?> cartCheckout() {
        return Pattern.<ShopEvent>begin("login").where(is(Action.LOGIN))
            .followedBy("browse").where(is(Action.BROWSE))
            .followedBy("add_to_cart").where(is(Action.ADD_TO_CART))
            .followedBy("checkout").where(is(Action.CHECKOUT))
            .within(Duration.ofHours(1));
    }

    /** A stage with two conditions: {@code where(view).or(click)}. */
    static Pattern<ShopEvent, ?> viewOrClickPurchase() {
        return Pattern.<ShopEvent>begin("login").where(is(Action.LOGIN))
            .followedBy("view_or_click").where(is(Action.VIEW)).or(is(Action.CLICK))
            .followedBy("purchase").where(is(Action.PURCHASE))
            .within(Duration.ofMinutes(30));
    }

    /** {@code notFollowedBy}: a logout between the view and the purchase breaks the funnel. */
    static Pattern<ShopEvent, ?> noLogoutPurchase() {
        return Pattern.<ShopEvent>begin("login").where(is(Action.LOGIN))
            .followedBy("view").where(is(Action.VIEW))
            .notFollowedBy("logout").where(is(Action.LOGOUT))
            .followedBy("purchase").where(is(Action.PURCHASE))
            .within(Duration.ofMinutes(15));
    }

    /**
     * {@code times(3)}; skipping past the match's last event reports one match per purchase instead
     * of one per click that could start three clicks.
     */
    static Pattern<ShopEvent, ?> clickBurstPurchase() {
        return Pattern.<ShopEvent>begin("clicks", AfterMatchSkipStrategy.skipPastLastEvent()).where(is(Action.CLICK)).times(3)
            .followedBy("purchase").where(is(Action.PURCHASE))
            .within(Duration.ofMinutes(5));
    }

    /** {@code oneOrMore().greedy()}: every view before the purchase, in one match per purchase. */
    static Pattern<ShopEvent, ?> browsingPurchase() {
        return Pattern.<ShopEvent>begin("views", AfterMatchSkipStrategy.skipPastLastEvent()).where(is(Action.VIEW)).oneOrMore().greedy()
            .followedBy("purchase").where(is(Action.PURCHASE))
            .within(Duration.ofMinutes(10));
    }

    /** Conditions on fields: a premium shopper's login, a view priced 100 to 1000, a paid purchase. */
    static Pattern<ShopEvent, ?> premiumPurchase() {
        return Pattern.<ShopEvent>begin("login").where(e -> e.is(Action.LOGIN) && e.segment() == Segment.HIGH_VALUE)
            .followedBy("view").where(e -> e.is(Action.VIEW) && e.price() >= 100 && e.price() <= 1000)
            .followedBy("purchase").where(e -> e.is(Action.PURCHASE) && e.amount() > 0)
            .within(Duration.ofMinutes(20));
    }

    /** A frequent buyer's three purchases within two hours. */
    static Pattern<ShopEvent, ?> repeatPurchases() {
        return Pattern.<ShopEvent>begin("purchases", AfterMatchSkipStrategy.skipPastLastEvent()).where(is(Action.PURCHASE)).times(3)
            .within(Duration.ofHours(2));
    }

    private static SimpleCondition<ShopEvent> is(Action action) {
        return e -> e.action() == action;
    }
}
