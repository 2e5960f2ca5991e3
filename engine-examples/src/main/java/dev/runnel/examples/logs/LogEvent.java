package dev.runnel.examples.logs;

import dev.runnel.examples.io.Fields;
import java.util.Map;

/** One line of an application log; {@code timestamp} is epoch milliseconds (the input has seconds). */
public record LogEvent(String userId, String sessionId, String action, long timestamp, String ipAddress,
                       String userAgent, Map<String, Object> metadata) {

    public static final String LOGIN_FAILED = "login_failed";
    public static final String LOGIN_SUCCESS = "login_success";
    /** The columns {@link #parse} cannot do without: a CSV header must have them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("user_id", "action", "timestamp");

    /** Fields {@code user_id, session_id, action, timestamp (epoch seconds), ip_address, user_agent, metadata}. */
    public static LogEvent parse(Fields f) {
        double seconds = f.doubleValue("timestamp");
        return new LogEvent(f.text("user_id"), f.textOr("session_id", ""), f.text("action"), Math.round(seconds * 1000),
            f.textOr("ip_address", ""), f.textOr("user_agent", ""), f.object("metadata"));
    }

    /** Views, purchases and downloads: what counts as activity for the inactivity rule. */
    public boolean isActivity() {
        return action.equals("view") || action.equals("purchase") || action.equals("download");
    }
}
