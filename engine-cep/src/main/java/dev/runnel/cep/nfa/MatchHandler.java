package dev.runnel.cep.nfa;

import java.util.List;
import java.util.Map;

/** Receives what the matcher produces for the key being processed. */
public interface MatchHandler {
    /** A complete match, stages in pattern order; {@code timestamp} is the event (or time) that completed it. */
    void onMatch(Map<String, List<Object>> match, long timestamp);

    /** A partial match pruned by {@code within}, with the events taken so far; {@code timestamp} is when it expired. */
    void onTimeout(Map<String, List<Object>> partialMatch, long timestamp);
}
