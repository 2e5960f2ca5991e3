package dev.runnel.cep.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * One element of a rule stream: a rule's id, its version, whether it is enabled, and its pattern as
 * JSON text (docs/dynamic-rules.md). A {@linkplain #removal removal} deletes the rule. Versions of a
 * rule must increase: an update whose version is not above the current one is refused as a
 * {@link RuleError} and changes nothing. The pattern stays text here so that a rule is a small,
 * serializable value that broadcast state checkpoints as it is.
 *
 * @param pattern the pattern JSON; {@code null} only for a removal
 */
public record Rule(String id, long version, boolean enabled, String pattern, boolean removed) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Rule {
        Objects.requireNonNull(id, "id");
        if (!removed) {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** An enabled rule. */
    public static Rule of(String id, long version, String patternJson) {
        return new Rule(id, version, true, patternJson, false);
    }

    /** The same rule with {@code enabled} set; a disabled rule keeps its place but matches nothing. */
    public Rule withEnabled(boolean enabled) {
        return new Rule(id, version, enabled, pattern, removed);
    }

    /** Deletes the rule {@code id}; its partial matches end as the replacement policy says. */
    public static Rule removal(String id, long version) {
        return new Rule(id, version, false, null, true);
    }

    /**
     * Reads one line of a rules file: {@code {"id": "r1", "version": 2, "enabled": true, "pattern": {...}}}
     * or {@code {"id": "r1", "version": 3, "removed": true}}. Only the envelope is checked here; the
     * pattern is checked when the operator compiles it, so a bad pattern still reaches the error output
     * with its rule's id and version.
     *
     * @throws IllegalArgumentException if the line is not JSON or has no id or version
     */
    public static Rule fromJson(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException("Rule line is not JSON: " + ((e instanceof com.fasterxml.jackson.core.JsonProcessingException j) ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (node == null || !node.isObject() || !node.path("id").isTextual() || !node.path("version").canConvertToLong()) {
            throw new IllegalArgumentException("Rule line needs a string \"id\" and an integer \"version\": " + abbreviate(line));
        }
        String id = node.get("id").asText();
        long version = node.get("version").asLong();
        if (node.path("removed").asBoolean(false)) {
            return removal(id, version);
        }
        JsonNode pattern = node.get("pattern");
        return new Rule(id, version, node.path("enabled").asBoolean(true), pattern == null ? "" : pattern.toString(), false);
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
