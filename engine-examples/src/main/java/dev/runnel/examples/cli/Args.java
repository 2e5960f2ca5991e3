package dev.runnel.examples.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parsed {@code --name value} options (and bare {@code --flag}s). Unknown options and bad values
 * fail with a message that names the option and what it expects.
 */
public final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args}; {@code options} lists what is accepted ({@code value == null} marks a flag). */
    public static Args parse(String[] args, List<Option> options) {
        Map<String, Option> known = options.stream().collect(Collectors.toMap(Option::name, o -> o, (a, b) -> a));
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + arg + "'; options start with --");
            }
            String name = arg.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Option option = known.get(name);
            if (option == null) {
                throw new UsageException("Unknown option --" + name + "; known: " + known.keySet().stream().sorted().map(n -> "--" + n).toList());
            }
            if (option.value() == null) {
                values.put(name, "true");
            } else if (inline != null) {
                values.put(name, inline);
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new UsageException("Option --" + name + " needs a value " + option.value());
            }
        }
        return new Args(values);
    }

    /** Whether {@code --name} was given: a flag, or an option with a value. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public long longValue(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects an integer, got '" + v + "'");
        }
    }

    public double doubleValue(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects a number, got '" + v + "'");
        }
    }

    /** A duration like {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h} or {@code 1d}. */
    public Duration duration(String name, Duration fallback) {
        String v = values.get(name);
        return v == null ? fallback : parseDuration(name, v);
    }

    /** As {@link #duration}, but zero is refused too: for bounds where zero would make no sense. */
    public Duration positiveDuration(String name, Duration fallback) {
        Duration d = duration(name, fallback);
        if (d.isZero()) {
            throw new UsageException("--" + name + " must be more than zero, got '" + values.get(name) + "'");
        }
        return d;
    }

    static Duration parseDuration(String name, String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < v.length() && Character.isDigit(v.charAt(split))) {
            split++;
        }
        if (split == 0) {
            throw new UsageException("--" + name + " expects a duration like 500ms, 10s, 5m, 2h, got '" + text + "'");
        }
        Duration duration;
        try {
            long amount = Long.parseLong(v.substring(0, split));
            duration = switch (v.substring(split)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s", "" -> Duration.ofSeconds(amount);
                case "m", "min" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> null;
            };
            if (duration != null) {
                duration.toMillis(); // the engine works in milliseconds: refuse what does not fit in them
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("--" + name + " is too large, got '" + text + "'");
        }
        if (duration == null) {
            throw new UsageException("--" + name + " expects a duration like 500ms, 10s, 5m, 2h, got '" + text + "'");
        }
        return duration;
    }

    public ZoneId zone(String name, ZoneId fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return ZoneId.of(v);
        } catch (RuntimeException e) {
            throw new UsageException("--" + name + " expects a time zone like UTC or Europe/Paris, got '" + v + "'");
        }
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case. */
    public String choice(String name, String fallback, Set<String> allowed) {
        String v = values.getOrDefault(name, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new UsageException("--" + name + " expects one of " + allowed + ", got '" + v + "'");
        }
        return v;
    }

    /** A wrong command line: the CLI prints the message and a hint to use --help. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
