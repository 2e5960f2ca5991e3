package dev.runnel.examples.cli;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Parses option values. Each parse either returns a value or throws a {@link UsageException} whose
 * message names the option and says what it expects, so overflow and garbage never reach the job
 * as a stack trace.
 */
public final class Values {
    /**
     * The longest duration any option takes. Event time is in milliseconds since 1970; a window or
     * timeout much longer than a few years only risks overflowing timestamp arithmetic.
     */
    public static final Duration MAX_DURATION = Duration.ofDays(3650);

    private static final String DURATION_FORM = "a duration like 500ms, 10s, 5m, 2h or 1d";

    private Values() {}

    public static long integer(String option, String text) {
        try {
            return Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " expects a whole number, got '" + text + "'");
        }
    }

    /** A finite number: {@code NaN}, {@code Infinity} and overflowing values such as {@code 1e999} are refused. */
    public static double number(String option, String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " expects a number, got '" + text + "'");
        }
        if (!Double.isFinite(value)) {
            throw new UsageException("--" + option + " expects a finite number, got '" + text + "'");
        }
        return value;
    }

    /** {@code 500ms}, {@code 10s} (or {@code 10}), {@code 5m}, {@code 2h}, {@code 1d}; at most {@link #MAX_DURATION}. */
    public static Duration duration(String option, String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < v.length() && Character.isDigit(v.charAt(split))) {
            split++;
        }
        if (split == 0) {
            throw new UsageException("--" + option + " expects " + DURATION_FORM + ", got '" + text + "'");
        }
        String unit = v.substring(split);
        Duration one = switch (unit) {
            case "ms" -> Duration.ofMillis(1);
            case "s", "" -> Duration.ofSeconds(1);
            case "m", "min" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            default -> throw new UsageException("--" + option + " expects " + DURATION_FORM + ", got '" + text + "'");
        };
        String tooLong = "--" + option + " must be at most " + format(MAX_DURATION) + ", got '" + text + "'";
        long amount;
        try {
            amount = Long.parseLong(v.substring(0, split));
        } catch (NumberFormatException e) {
            throw new UsageException(tooLong); // only digits, so the number overflows a long
        }
        if (amount > MAX_DURATION.dividedBy(one)) {
            throw new UsageException(tooLong);
        }
        return one.multipliedBy(amount);
    }

    public static ZoneId zone(String option, String text) {
        try {
            return ZoneId.of(text);
        } catch (RuntimeException e) {
            throw new UsageException("--" + option + " expects a time zone like UTC or Europe/Paris, got '" + text + "'");
        }
    }

    /** A duration as an option would be written: the largest whole unit. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0 && ms != 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
