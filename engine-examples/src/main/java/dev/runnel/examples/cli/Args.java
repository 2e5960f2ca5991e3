package dev.runnel.examples.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parsed {@code --name value} options (and bare {@code --flag}s). Unknown options and values their
 * {@link Option} does not accept fail while parsing, with a {@link UsageException} that names the
 * option and what it expects; the accessors then only convert.
 */
public final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    /** Parses and checks {@code args}; {@code options} lists what is accepted ({@code value == null} marks a flag). */
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
            String value;
            if (option.value() == null) {
                if (inline != null) {
                    throw new UsageException("Option --" + name + " is a flag and takes no value");
                }
                value = "true";
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("Option --" + name + " needs a value " + option.value());
            }
            option.rule().check(name, value);
            values.put(name, value);
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
        return v == null ? fallback : Values.integer(name, v);
    }

    /** An option declared with {@link Option#integer} whose range lies within {@code int}. */
    public int intValue(String name, int fallback) {
        return Math.toIntExact(longValue(name, fallback));
    }

    public double doubleValue(String name, double fallback) {
        String v = values.get(name);
        return v == null ? fallback : Values.number(name, v);
    }

    /** A duration like {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h} or {@code 1d}. */
    public Duration duration(String name, Duration fallback) {
        String v = values.get(name);
        return v == null ? fallback : Values.duration(name, v);
    }

    public ZoneId zone(String name, ZoneId fallback) {
        String v = values.get(name);
        return v == null ? fallback : Values.zone(name, v);
    }

    /** The value of an option declared with {@link Option#choice}, in lower case. */
    public String choice(String name, String fallback) {
        return values.getOrDefault(name, fallback).toLowerCase(Locale.ROOT);
    }
}
