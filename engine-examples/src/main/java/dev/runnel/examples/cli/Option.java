package dev.runnel.examples.cli;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One command-line option as {@code --help} shows it ({@code --name VALUE  description (default: x;
 * accepts)}) and the values it accepts. The factories declare each kind of value once, so every
 * example validates its options the same way: durations and numbers with a range, probabilities in
 * [0, 1], finite numbers only.
 *
 * @param value   how {@code --help} names the value, {@code null} for a flag
 * @param accepts the range in words for {@code --help}, {@code null} when there is nothing to say
 */
public record Option(String name, String value, String defaultValue, String description, String accepts, ValueRule rule) {
    /** Width of the option column in {@code --help}: the longest, {@code --checkpoint-interval DURATION}, fits. */
    static final int HELP_COLUMN = 31;

    /** {@code --name} without a value. */
    public static Option flag(String name, String description) {
        return new Option(name, null, null, description, null, ValueRule.ANY);
    }

    /** Free text, e.g. a file name. */
    public static Option text(String name, String value, String defaultValue, String description) {
        return new Option(name, value, defaultValue, description, null, ValueRule.ANY);
    }

    /** A duration of at least 1 ms (a window, a timeout, an interval that must pass). */
    public static Option positiveDuration(String name, String defaultValue, String description) {
        return new Option(name, "DURATION", defaultValue, description, "> 0", (option, text) -> {
            if (Values.duration(option, text).isZero()) {
                throw new UsageException("--" + option + " must be a duration greater than 0, got '" + text + "'");
            }
        });
    }

    /** A duration of 0 or more (a bound or a lateness that may be none); negative ones do not parse. */
    public static Option duration(String name, String defaultValue, String description) {
        return new Option(name, "DURATION", defaultValue, description, null, Values::duration);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static Option integer(String name, String value, String defaultValue, String description, long min, long max) {
        String range = max == Long.MAX_VALUE ? (min == Long.MIN_VALUE ? null : min + " or more") : min + " to " + max;
        return new Option(name, value, defaultValue, description, range, (option, text) -> {
            long v = Values.integer(option, text);
            if (v < min || v > max) {
                throw new UsageException("--" + option + " must be " + range + ", got " + v);
            }
        });
    }

    /** A finite number of 0 or more (an amount, a distance). */
    public static Option nonNegative(String name, String value, String defaultValue, String description) {
        return new Option(name, value, defaultValue, description, ">= 0", (option, text) -> {
            if (!(Values.number(option, text) >= 0)) {
                throw new UsageException("--" + option + " must be 0 or more, got '" + text + "'");
            }
        });
    }

    /** A finite number greater than 0 (a factor, a speed). */
    public static Option positive(String name, String value, String defaultValue, String description) {
        return new Option(name, value, defaultValue, description, "> 0", (option, text) -> {
            if (!(Values.number(option, text) > 0)) {
                throw new UsageException("--" + option + " must be greater than 0, got '" + text + "'");
            }
        });
    }

    /** A probability: a number from 0 to 1. */
    public static Option fraction(String name, String defaultValue, String description) {
        return new Option(name, "R", defaultValue, description, "0 to 1", (option, text) -> {
            double v = Values.number(option, text);
            if (v < 0 || v > 1) {
                throw new UsageException("--" + option + " must be a fraction from 0 to 1, got '" + text + "'");
            }
        });
    }

    /** One of {@code allowed}, case-insensitive. */
    public static Option choice(String name, String defaultValue, String description, String... allowed) {
        List<String> choices = List.of(allowed);
        return new Option(name, String.join("|", choices), defaultValue, description, null, (option, text) -> {
            if (!choices.contains(text.toLowerCase(Locale.ROOT))) {
                throw new UsageException("--" + option + " expects one of " + choices + ", got '" + text + "'");
            }
        });
    }

    /** A comma-separated list of names from {@code allowed}; an empty name is unknown. */
    public static Option names(String name, String defaultValue, String description, Collection<String> allowed) {
        return new Option(name, "NAME,...", defaultValue, description, null, (option, text) -> {
            List<String> unknown = Stream.of(text.split(",", -1)).map(String::trim).filter(n -> !allowed.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw new UsageException("--" + option + ": unknown " + option + " " + unknown + "; known: " + allowed);
            }
        });
    }

    /** A time zone id such as {@code UTC} or {@code Europe/Paris}. */
    public static Option zone(String name, String defaultValue, String description) {
        return new Option(name, "ZONE", defaultValue, description, null, (option, text) -> Values.zone(option, text));
    }

    /** The line {@code --help} prints. */
    public String helpLine() {
        String left = "--" + name + (value == null ? "" : " " + value);
        StringBuilder right = new StringBuilder(description);
        if (defaultValue != null || accepts != null) {
            right.append(" (");
            if (defaultValue != null) {
                right.append("default: ").append(defaultValue);
            }
            if (accepts != null) {
                right.append(defaultValue != null ? "; " : "").append(accepts);
            }
            right.append(')');
        }
        return String.format("  %-" + HELP_COLUMN + "s %s", left, right);
    }
}
