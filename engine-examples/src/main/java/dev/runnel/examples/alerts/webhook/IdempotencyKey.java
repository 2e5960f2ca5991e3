package dev.runnel.examples.alerts.webhook;

import dev.runnel.examples.alerts.Alert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key that makes a delivery idempotent: derived from the alert alone (rule, severity, event time, message),
 * so a retry after a timeout, and a replay after the job restored from a checkpoint, carry the same key and a
 * receiver that deduplicates (PagerDuty's {@code dedup_key}, a relay honouring {@code Idempotency-Key}) delivers it once.
 */
public final class IdempotencyKey {
    private IdempotencyKey() {}

    public static String of(Alert alert) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String identity = alert.rule() + '\u0000' + alert.severity() + '\u0000' + alert.timestamp() + '\u0000' + alert.message();
            return "runnel-" + HexFormat.of().formatHex(sha.digest(identity.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
