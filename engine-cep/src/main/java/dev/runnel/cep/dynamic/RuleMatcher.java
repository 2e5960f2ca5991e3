package dev.runnel.cep.dynamic;

import dev.runnel.cep.nfa.CompiledPattern;
import dev.runnel.cep.nfa.KeyMatches;
import dev.runnel.cep.nfa.KeyMatchesByKey;
import dev.runnel.cep.nfa.MatchHandler;
import dev.runnel.cep.nfa.Nfa;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One rule version running in one operator instance: its NFA and the partial matches of each key.
 * The operator feeds it events in timestamp order; its matches go to {@link Emitter} tagged with the
 * rule's id and version. Also the namespace of its keys' timeout timers, so a timer of a version
 * that is gone is recognised and ignored.
 */
final class RuleMatcher implements MatchHandler {
    /** Where matches go. */
    interface Emitter {
        void emit(RuleMatcher matcher, Map<String, List<Object>> match, long timestamp);
    }

    final Rule rule;
    final Nfa nfa;
    final KeyMatchesByKey keys = new KeyMatchesByKey();
    final long timerGranularity;
    private final Emitter emitter;
    /** Set when a new version replaced this one under {@link RuleChangePolicy#FINISH}. */
    boolean draining;

    RuleMatcher(Rule rule, CompiledPattern pattern, LongSupplier processingTime, Emitter emitter) {
        this.rule = rule;
        this.nfa = new Nfa(pattern, processingTime);
        this.emitter = emitter;
        nfa.setHandler(this, false);
        this.timerGranularity = nfa.timerGranularity();
    }

    /** Starts no more partial matches; open ones finish. */
    void drain() {
        draining = true;
        nfa.stopStarting();
    }

    /** Drops every partial match of every key. */
    void clear() {
        for (KeyMatches km : keys.all()) {
            nfa.clear(km);
        }
        keys.clear();
    }

    @Override
    public void onMatch(Map<String, List<Object>> match, long timestamp) {
        emitter.emit(this, match, timestamp);
    }

    @Override
    public void onTimeout(Map<String, List<Object>> partialMatch, long timestamp) {
        // not requested (setHandler(this, false))
    }

    @Override
    public String toString() {
        return "rule " + rule.id() + " v" + rule.version() + (draining ? " (finishing)" : "");
    }
}
