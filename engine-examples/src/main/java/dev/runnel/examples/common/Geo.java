package dev.runnel.examples.common;

/** Great-circle distance between two points given in degrees. */
public final class Geo {
    private static final double EARTH_RADIUS_KM = 6371.0;

    private Geo() {}

    /** Haversine distance in kilometres (accurate to about 0.5 %, the Earth not being a sphere). */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
