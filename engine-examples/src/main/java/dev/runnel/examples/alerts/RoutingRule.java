package dev.runnel.examples.alerts;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Sends the alerts it matches to its channels; the router applies the first rule that matches. */
public record RoutingRule(String name, Matcher matcher, Set<Channel> channels) implements Serializable {

    /** A serializable predicate, so the router can be copied to parallel workers. */
    @FunctionalInterface
    public interface Matcher extends Serializable {
        boolean matches(Alert alert);
    }

    public RoutingRule {
        channels = Set.copyOf(channels);
    }

    /** CRITICAL: console, file and callback; HIGH: console and file; anything else: file. */
    public static List<RoutingRule> defaults() {
        return List.of(
            new RoutingRule("critical", a -> a.severity() == Severity.CRITICAL, EnumSet.allOf(Channel.class)),
            new RoutingRule("high", a -> a.severity() == Severity.HIGH, EnumSet.of(Channel.CONSOLE, Channel.FILE)),
            new RoutingRule("rest", a -> true, EnumSet.of(Channel.FILE)));
    }
}
