package dev.runnel.examples.io;

/**
 * The named fields of one input row, whatever its format (a CSV row or a JSON-lines object), so that
 * each example parses its events once. Every accessor fails with a message naming the field; the
 * source turns that failure into a dead letter with the row's line number.
 */
public interface Fields {
    /** The field's text; fails if it is missing or blank. */
    String text(String name);

    /** The field's text, or {@code fallback} if it is missing or blank. */
    String textOr(String name, String fallback);

    long longValue(String name);

    double doubleValue(String name);

    /** The field as a number, or {@code fallback} if it is missing or blank. */
    double doubleOr(String name, double fallback);

    /** A local date-time in {@code pattern}, interpreted in the input's zone, as epoch milliseconds. */
    long dateTime(String name, String pattern);

    /** A nested object (JSON) or a JSON text column (CSV) as a map; empty if missing. */
    java.util.Map<String, Object> object(String name);
}
