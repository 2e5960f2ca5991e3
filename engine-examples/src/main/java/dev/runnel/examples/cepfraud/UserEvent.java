package dev.runnel.examples.cepfraud;

import dev.runnel.examples.io.Coordinates;
import dev.runnel.examples.io.Fields;
import java.util.Locale;
import java.util.Map;

/**
 * One user event: {@code user_id, event_type, timestamp} and the properties {@code amount, latitude,
 * longitude, page, category}, either as columns (CSV, flat JSON) or in a nested JSON object
 * {@code "properties": {...}}. A property an event does not have is NaN (numbers) or empty (text);
 * a latitude outside [-90, 90] or a longitude outside [-180, 180] makes the row a dead letter.
 * {@code timestamp} is epoch milliseconds.
 */
public record UserEvent(String userId, String eventType, long timestamp, double amount, double latitude, double longitude,
                        String page, String category) {

    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The columns {@link #parse} cannot do without: a CSV header must have them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("user_id", "event_type", "timestamp");
    public static final String LOGIN = "login";
    public static final String TRANSACTION = "transaction";
    public static final String PAGE_VIEW = "page_view";
    public static final String API_CALL = "api_call";

    public static UserEvent parse(Fields f) {
        Map<String, Object> properties = f.object("properties");
        return new UserEvent(f.text("user_id"), f.text("event_type").toLowerCase(Locale.ROOT),
            f.dateTime("timestamp", TIMESTAMP_PATTERN),
            number(properties, f, "amount"),
            Coordinates.latitude("latitude", number(properties, f, "latitude")),
            Coordinates.longitude("longitude", number(properties, f, "longitude")),
            text(properties, f, "page"), text(properties, f, "category"));
    }

    public boolean isLogin() {
        return eventType.equals(LOGIN);
    }

    public boolean isTransaction() {
        return eventType.equals(TRANSACTION);
    }

    public boolean hasLocation() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }

    private static double number(Map<String, Object> properties, Fields f, String name) {
        Object value = properties.get(name);
        if (value == null || value.toString().isBlank()) {
            return f.doubleOr(name, Double.NaN);
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + name + "': '" + value + "' is not a number");
        }
    }

    private static String text(Map<String, Object> properties, Fields f, String name) {
        Object value = properties.get(name);
        return value == null ? f.textOr(name, "") : value.toString().trim();
    }
}
