package dev.runnel.compat.flink.util;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's {@code TimeUtils.parseDuration}: "10 s", "500ms", "2min", "1 h"; a number without a unit
 * is milliseconds. Flink's example programs parse their {@code --discovery-interval} with it.
 */
public final class TimeUtils {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([a-zA-Zµ]*)");
    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
        Map.entry("d", ChronoUnit.DAYS), Map.entry("day", ChronoUnit.DAYS), Map.entry("days", ChronoUnit.DAYS),
        Map.entry("h", ChronoUnit.HOURS), Map.entry("hour", ChronoUnit.HOURS), Map.entry("hours", ChronoUnit.HOURS),
        Map.entry("m", ChronoUnit.MINUTES), Map.entry("min", ChronoUnit.MINUTES), Map.entry("minute", ChronoUnit.MINUTES),
        Map.entry("minutes", ChronoUnit.MINUTES), Map.entry("mins", ChronoUnit.MINUTES),
        Map.entry("s", ChronoUnit.SECONDS), Map.entry("sec", ChronoUnit.SECONDS), Map.entry("secs", ChronoUnit.SECONDS),
        Map.entry("second", ChronoUnit.SECONDS), Map.entry("seconds", ChronoUnit.SECONDS),
        Map.entry("ms", ChronoUnit.MILLIS), Map.entry("milli", ChronoUnit.MILLIS), Map.entry("millis", ChronoUnit.MILLIS),
        Map.entry("millisecond", ChronoUnit.MILLIS), Map.entry("milliseconds", ChronoUnit.MILLIS),
        Map.entry("us", ChronoUnit.MICROS), Map.entry("µs", ChronoUnit.MICROS), Map.entry("micro", ChronoUnit.MICROS),
        Map.entry("micros", ChronoUnit.MICROS), Map.entry("microsecond", ChronoUnit.MICROS),
        Map.entry("microseconds", ChronoUnit.MICROS),
        Map.entry("ns", ChronoUnit.NANOS), Map.entry("nano", ChronoUnit.NANOS), Map.entry("nanos", ChronoUnit.NANOS),
        Map.entry("nanosecond", ChronoUnit.NANOS), Map.entry("nanoseconds", ChronoUnit.NANOS));

    private TimeUtils() {}

    public static Duration parseDuration(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid duration '" + text + "': a number and an optional unit (ms, s, min, h, d)");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        ChronoUnit chronoUnit = unit.isEmpty() ? ChronoUnit.MILLIS : UNITS.get(unit);
        if (chronoUnit == null) {
            throw new IllegalArgumentException("Time interval unit label '" + unit + "' does not match any of the recognized units");
        }
        return Duration.of(Long.parseLong(m.group(1)), chronoUnit);
    }
}
