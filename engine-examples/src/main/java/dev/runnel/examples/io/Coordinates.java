package dev.runnel.examples.io;

/**
 * Domain checks for coordinates read from input: a latitude of 999 is a broken row, not a trip at
 * 500,000 km/h, so parsing rejects it and the source turns the row into a dead letter. NaN (the
 * field is absent) passes; the examples treat it as "no location".
 */
public final class Coordinates {
    private Coordinates() {}

    /** {@code value} if it is a latitude in [-90, 90] or NaN. */
    public static double latitude(String field, double value) {
        return within(field, value, 90);
    }

    /** {@code value} if it is a longitude in [-180, 180] or NaN. */
    public static double longitude(String field, double value) {
        return within(field, value, 180);
    }

    private static double within(String field, double value, double limit) {
        if (value < -limit || value > limit) {
            throw new IllegalArgumentException("field '" + field + "': " + value + " is outside [-" + (int) limit + ", " + (int) limit + "]");
        }
        return value;
    }
}
