package dev.runnel.examples.funnels;

import dev.runnel.cep.pattern.Pattern;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A named funnel: its pattern, the segments whose shoppers it watches, and its stages in order
 * (read from the pattern), which describe how far a timed-out partial funnel got.
 */
public record Funnel(String name, String description, Set<Segment> segments, Pattern<ShopEvent, ?> pattern) {

    /** One stage: how many events it needs, and whether it is a NOT stage (which takes none). */
    public record Stage(String name, int minEvents, boolean negation) implements Serializable {}

    public List<Stage> stages() {
        List<Stage> stages = new ArrayList<>();
        for (Pattern<ShopEvent, ?> p = pattern; p != null; p = castPrevious(p)) {
            int min = p.getTimes() == null ? 1 : p.getTimes().from();
            stages.add(new Stage(p.getName(), min, p.getQuantifier().isNegation()));
        }
        Collections.reverse(stages);
        return List.copyOf(stages);
    }

    @SuppressWarnings("unchecked")
    private static Pattern<ShopEvent, ?> castPrevious(Pattern<ShopEvent, ?> p) {
        return (Pattern<ShopEvent, ?>) p.getPrevious();
    }
}
