package dev.runnel.examples.funnels;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.Collector;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.functions.TimedOutPartialMatchHandler;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one funnel's matches into {@link FunnelMatch}es and its timed-out partial matches (pruned by
 * {@code within}) into {@link PartialFunnel}s on the {@link #TIMED_OUT} side output.
 *
 * <p>A looping stage followed by {@code followedBy} ({@code views+ -> purchase}) keeps two branches
 * once an event that neither takes has passed (one still looping, one waiting for the purchase, as
 * in Flink's NFA); when the window closes, the matcher reports both, the same events at the same
 * instant. They are one funnel, so the copy is dropped: a key's timeouts come out together, one key
 * at a time, so remembering what was reported for the current user is enough.
 */
final class FunnelMatcher extends PatternProcessFunction<ShopEvent, FunnelMatch> implements TimedOutPartialMatchHandler<ShopEvent> {
    static final OutputTag<PartialFunnel> TIMED_OUT = OutputTag.of("timed-out-funnels", PartialFunnel.class);

    private final String funnel;
    private final List<Funnel.Stage> stages;
    private transient String timeoutsOfUser;
    private transient Set<PartialFunnel> reported;

    FunnelMatcher(String funnel, List<Funnel.Stage> stages) {
        this.funnel = funnel;
        this.stages = stages;
    }

    @Override
    public void processMatch(Map<String, List<ShopEvent>> match, Context ctx, Collector<FunnelMatch> out) {
        List<FunnelStep> steps = FunnelStep.of(match);
        ShopEvent first = steps.get(0).event();
        out.collect(new FunnelMatch(funnel, first.userId(), first.segment(), steps, ctx.timestamp()));
    }

    @Override
    public void processTimedOutMatch(Map<String, List<ShopEvent>> match, PatternProcessFunction.Context ctx) {
        List<FunnelStep> steps = FunnelStep.of(match);
        String user = steps.get(0).event().userId();
        if (!user.equals(timeoutsOfUser) || reported.size() > 1000) {
            timeoutsOfUser = user;
            reported = new HashSet<>();
        }
        PartialFunnel partial = new PartialFunnel(funnel, user, steps, stoppedBefore(match), ctx.timestamp());
        if (reported.add(partial)) {
            ctx.output(TIMED_OUT, partial);
        }
    }

    /** The first stage (NOT stages aside) that has fewer events than it needs. */
    private String stoppedBefore(Map<String, List<ShopEvent>> match) {
        for (Funnel.Stage stage : stages) {
            List<ShopEvent> taken = match.get(stage.name());
            if (!stage.negation() && (taken == null ? 0 : taken.size()) < stage.minEvents()) {
                return stage.name();
            }
        }
        return stages.get(stages.size() - 1).name();
    }
}
