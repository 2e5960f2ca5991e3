package dev.runnel.examples.alerts.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runnel.examples.alerts.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Alerts a webhook could not deliver, one JSON line each (the alert, its idempotency key, attempts and the last
 * error), appended and forced to disk so that an alert given up on is never only in memory.
 */
final class DeadLetterFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path path;

    DeadLetterFile(Path path) {
        this.path = path;
    }

    synchronized void write(Alert alert, String key, int attempts, String reason) {
        ObjectNode line = JSON.createObjectNode();
        line.put("rule", alert.rule());
        line.put("severity", alert.severity().name());
        line.put("timestamp", alert.timestamp());
        line.put("message", alert.message());
        line.put("idempotencyKey", key);
        line.put("attempts", attempts);
        line.put("reason", reason);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(path, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the webhook dead-letter file " + path + " for alert " + alert, e);
        }
    }
}
