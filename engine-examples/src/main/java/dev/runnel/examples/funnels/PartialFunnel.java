package dev.runnel.examples.funnels;

import java.time.Instant;
import java.util.List;

/**
 * A funnel that ran out of time: the events it had taken, the stage it stopped before, and when its
 * window closed. One that reached {@code add_to_cart} or {@code checkout} is an abandoned cart.
 */
public record PartialFunnel(String funnel, String userId, List<FunnelStep> steps, String stoppedBefore, long expiredAt) {

    public boolean isAbandonedCart() {
        return steps.stream().anyMatch(s -> s.event().is(Action.ADD_TO_CART) || s.event().is(Action.CHECKOUT));
    }

    @Override
    public String toString() {
        return funnel + " user=" + userId + " expired at " + Instant.ofEpochMilli(expiredAt) + ": " + FunnelStep.describe(steps)
            + ", no " + stoppedBefore;
    }
}
