package dev.runnel.cep.dynamic;

import java.util.HashMap;

/**
 * The results of simple conditions for the event being matched, by expression text, shared by all
 * rules of one operator instance: rules that test the same expression (100 rules over ten event
 * types test ten) evaluate it once per event. Used only while more than one rule is in force, and
 * only inside one operator instance (one thread); an event is recognised by identity, and the
 * results are forgotten when another event is evaluated.
 */
final class ConditionMemo {
    private Object event;
    private final HashMap<String, Boolean> results = new HashMap<>();
    boolean enabled;

    /** The memoized result of {@code expression} for {@code value}, or null. */
    Boolean get(Object value, String expression) {
        if (value != event) {
            event = value;
            results.clear();
            return null;
        }
        return results.get(expression);
    }

    void put(String expression, boolean result) {
        results.put(expression, result);
    }
}
