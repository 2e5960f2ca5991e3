package dev.runnel.examples.funnels;

import java.time.Instant;
import java.util.List;

/** A completed funnel: which one, whose, its events, and the event time of the event that completed it. */
public record FunnelMatch(String funnel, String userId, Segment segment, List<FunnelStep> steps, long timestamp) {

    /** The last purchase of the match, or null for a funnel that ends before paying (cart_checkout). */
    public ShopEvent purchase() {
        return last(Action.PURCHASE, Long.MAX_VALUE);
    }

    /** The last login before {@code time}, or null if the funnel does not start with one. */
    public ShopEvent loginBefore(long time) {
        return last(Action.LOGIN, time);
    }

    private ShopEvent last(Action action, long notAfter) {
        ShopEvent found = null;
        for (FunnelStep s : steps) {
            ShopEvent e = s.event();
            if (e.is(action) && e.timestamp() <= notAfter && (found == null || e.timestamp() >= found.timestamp())) {
                found = e;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return funnel + " user=" + userId + " segment=" + segment.label() + " at " + Instant.ofEpochMilli(timestamp) + ": "
            + FunnelStep.describe(steps);
    }
}
