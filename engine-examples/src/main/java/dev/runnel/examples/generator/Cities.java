package dev.runnel.examples.generator;

/** Home towns for generated users; planted "impossible travel" jumps between far-apart ones. */
final class Cities {
    static final String[] NAMES = {"New York", "London", "Paris", "Berlin", "Madrid", "Tokyo", "Sydney", "Sao Paulo", "Toronto", "Mumbai"};
    static final double[] LATITUDES = {40.7128, 51.5074, 48.8566, 52.5200, 40.4168, 35.6762, -33.8688, -23.5505, 43.6532, 19.0760};
    static final double[] LONGITUDES = {-74.0060, -0.1278, 2.3522, 13.4050, -3.7038, 139.6503, 151.2093, -46.6333, -79.3832, 72.8777};

    private Cities() {}

    /** A city more than 5000 km from {@code city} (there always is one in the list). */
    static int farFrom(int city) {
        return switch (city) {
            case 5, 6 -> 0;    // Tokyo, Sydney -> New York
            case 9 -> 7;       // Mumbai -> Sao Paulo
            default -> 5;      // the Americas and Europe -> Tokyo
        };
    }
}
