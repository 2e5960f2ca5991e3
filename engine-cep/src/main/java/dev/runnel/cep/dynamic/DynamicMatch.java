package dev.runnel.cep.dynamic;

import java.util.List;
import java.util.Map;

/**
 * A match of a dynamic rule: which rule (id and version) matched, and the events per stage as a
 * static pattern's match map. Its timestamp in the stream is the match's, as for static patterns.
 */
public record DynamicMatch<T>(String ruleId, long version, Map<String, List<T>> events) {
}
