package dev.runnel.examples.funnels;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** One event of a (partial) funnel match and the stage that took it. */
public record FunnelStep(String stage, ShopEvent event) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The match's events in stage order, then time order within a stage. */
    static List<FunnelStep> of(Map<String, List<ShopEvent>> match) {
        return match.entrySet().stream()
            .flatMap(stage -> stage.getValue().stream().map(e -> new FunnelStep(stage.getKey(), e)))
            .toList();
    }

    /** {@code login 10:00:00 > view 10:01:00 > purchase 10:03:00 (120.00)}, times in UTC. */
    static String describe(List<FunnelStep> steps) {
        StringJoiner j = new StringJoiner(" > ");
        for (FunnelStep s : steps) {
            ShopEvent e = s.event();
            String text = e.action().label() + " " + TIME.format(Instant.ofEpochMilli(e.timestamp()));
            if (e.is(Action.PURCHASE)) {
                text += String.format(Locale.ROOT, " (%.2f)", e.amount());
            }
            j.add(text);
        }
        return j.toString();
    }
}
