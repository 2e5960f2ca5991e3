package dev.runnel.cep.dynamic;

import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.cep.nfa.CompiledPattern;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.state.BroadcastStates;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The rules of one operator instance: the current version of each rule in broadcast state (what a
 * checkpoint keeps), a {@link RuleMatcher} per enabled rule, the matchers of replaced versions that
 * are finishing, and rule updates waiting for the watermark. Updates are validated here: a stale
 * version, an unknown removal or a pattern that does not compile becomes a {@link RuleError} and
 * changes nothing.
 */
final class RuleBook<T> {
    static final MapStateDescriptor<String, Rule> RULES = new MapStateDescriptor<>("dynamic-cep-rules", String.class, Rule.class);

    private final BroadcastStates states;
    private final BroadcastState<String, Rule> rules;
    private final RulePatterns<T> patterns;
    private final RuleChangePolicy policy;
    private final Consumer<RuleError> errors;
    private final LongSupplier clock;
    private final RuleMatcher.Emitter emitter;
    /** Enabled rules by id: sorted, so that matches of one event come out in rule id order. */
    private final TreeMap<String, RuleMatcher> active = new TreeMap<>();
    private final List<RuleMatcher> draining = new ArrayList<>();
    /** Updates with a timestamp the watermark has not reached, by timestamp (arrival order within one). */
    private final TreeMap<Long, List<Rule>> pending = new TreeMap<>();
    /** Active then draining matchers: what each released event is fed to. */
    private RuleMatcher[] matchers = new RuleMatcher[0];
    private boolean restored;

    RuleBook(String operatorName, RulePatterns<T> patterns, RuleChangePolicy policy, Consumer<RuleError> errors,
            LongSupplier clock, RuleMatcher.Emitter emitter) {
        this.states = new BroadcastStates(operatorName, List.of(RULES));
        this.rules = states.get(RULES);
        this.patterns = patterns;
        this.policy = policy;
        this.errors = errors;
        this.clock = clock;
        this.emitter = emitter;
    }

    RuleMatcher[] matchers() {
        return matchers;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Applies {@code rule} when the watermark reaches {@code timestamp}. */
    void schedule(Rule rule, long timestamp) {
        pending.computeIfAbsent(timestamp, t -> new ArrayList<>(1)).add(rule);
    }

    /** Applies the waiting updates with timestamps up to {@code time}, in timestamp order. */
    void applyPendingUpTo(long time) {
        while (!pending.isEmpty() && pending.firstKey() <= time) {
            for (Rule r : pending.pollFirstEntry().getValue()) {
                apply(r);
            }
        }
    }

    /** Validates and applies one update. */
    void apply(Rule rule) {
        Rule current = stored(rule.id());
        if (current != null && rule.version() <= current.version()) {
            errors.accept(new RuleError(rule.id(), rule.version(), "version " + rule.version()
                + " is not above the current version " + current.version() + "; the update was ignored"));
            return;
        }
        if (rule.removed()) {
            if (current == null) {
                errors.accept(new RuleError(rule.id(), rule.version(), "no rule '" + rule.id() + "' to remove"));
                return;
            }
            call(() -> rules.remove(rule.id()));
            retire(active.remove(rule.id()));
            refresh();
            return;
        }
        CompiledPattern compiled;
        try {
            compiled = patterns.compile(rule);
        } catch (RuleCompileException e) {
            errors.accept(new RuleError(rule.id(), rule.version(), e.getMessage()));
            return;
        }
        call(() -> rules.put(rule.id(), rule));
        retire(active.remove(rule.id()));
        if (rule.enabled()) {
            active.put(rule.id(), new RuleMatcher(rule, compiled, clock, emitter));
        }
        refresh();
    }

    /** The in-memory broadcast state declares Flink's checked exceptions but throws none. */
    private interface StateCall {
        void run() throws Exception;
    }

    private static void call(StateCall c) {
        try {
            c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Rule stored(String id) {
        try {
            return rules.get(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void retire(RuleMatcher old) {
        if (old == null) {
            return;
        }
        if (policy == RuleChangePolicy.FINISH && !old.keys.isEmpty()) {
            old.drain();
            draining.add(old);
        } else {
            old.clear();
        }
    }

    /** A finishing matcher whose last partial match ended is dropped. */
    void forgetIfFinished(RuleMatcher m) {
        if (m.draining && m.keys.isEmpty() && draining.remove(m)) {
            refresh();
        }
    }

    boolean isLive(RuleMatcher m) {
        return m.draining ? draining.contains(m) : active.get(m.rule.id()) == m;
    }

    private void refresh() {
        List<RuleMatcher> all = new ArrayList<>(active.values());
        all.addAll(draining);
        matchers = all.toArray(new RuleMatcher[0]);
        patterns.rulesInForce(matchers.length);
    }

    // ---- checkpoints: the rules (broadcast state), waiting updates, then each matcher's rule;
    // its keys' partial matches are written by the operator after this

    void snapshot(DataOutput out, StateSerializers serializers, String what) throws IOException {
        states.snapshot(out, serializers);
        out.writeInt(pending.values().stream().mapToInt(List::size).sum());
        for (Map.Entry<Long, List<Rule>> e : pending.entrySet()) {
            for (Rule r : e.getValue()) {
                out.writeLong(e.getKey());
                serializers.write(what + " (rule update)", r, out);
            }
        }
    }

    /**
     * Every instance holds the same rules, so at any parallelism the first snapshot read gives them
     * and the others are read past; enabled rules are compiled again.
     */
    void restore(DataInput in, StateSerializers serializers, String what) throws IOException {
        states.restore(in, serializers);
        boolean first = !restored;
        restored = true;
        for (int n = in.readInt(); n > 0; n--) {
            long ts = in.readLong();
            Rule r = (Rule) serializers.read(what + " (rule update)", in);
            if (first) {
                schedule(r, ts);
            }
        }
        if (first) {
            Iterable<Map.Entry<String, Rule>> all;
            try {
                all = rules.immutableEntries();
            } catch (Exception e) {
                throw new IOException(e);
            }
            for (Map.Entry<String, Rule> e : all) {
                Rule r = e.getValue();
                if (r.enabled()) {
                    active.put(r.id(), new RuleMatcher(r, recompile(r), clock, emitter));
                }
            }
            refresh();
        }
    }

    /** The matcher a restored partial-match block belongs to: the active one, or a finishing one. */
    RuleMatcher restoredMatcher(Rule rule, boolean wasDraining) throws IOException {
        if (!wasDraining) {
            RuleMatcher m = active.get(rule.id());
            if (m == null || m.rule.version() != rule.version()) {
                throw new IOException("restored partial matches of rule " + rule.id() + " v" + rule.version()
                    + " but the restored rules have no such enabled version");
            }
            return m;
        }
        for (RuleMatcher m : draining) {
            if (m.rule.equals(rule)) {
                return m;
            }
        }
        RuleMatcher m = new RuleMatcher(rule, recompile(rule), clock, emitter);
        m.drain();
        draining.add(m);
        refresh();
        return m;
    }

    private CompiledPattern recompile(Rule r) throws IOException {
        try {
            return patterns.compile(r);
        } catch (RuleCompileException e) {
            throw new IOException("rule " + r.id() + " v" + r.version() + " compiled when applied but not when restored: "
                + e.getMessage());
        }
    }
}
