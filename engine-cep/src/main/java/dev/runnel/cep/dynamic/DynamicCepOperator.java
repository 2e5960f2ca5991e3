package dev.runnel.cep.dynamic;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.cep.nfa.KeyMatches;
import dev.runnel.cep.nfa.KeyMatchesCodec;
import dev.runnel.checkpoint.SnapshotBuffer;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.OperatorException;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.operators.KeyedCoOperator;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Matches a keyed event stream against rules that arrive on a broadcast stream. As the static
 * pattern operator, in event time: each key's events wait in the event-time timer queue (the event
 * is the timer's namespace) until the watermark passes them and then reach every rule's NFA in
 * timestamp order. A rule update with a timestamp takes effect at that event time (before the
 * events of its timestamp), one without a timestamp or behind the watermark as it arrives; since
 * the operator's watermark is the minimum of both inputs', the outcome does not depend on how the
 * two inputs interleave. Timeout timers are keyed by a rule's {@link KeyMatches} with the
 * {@link RuleMatcher} as namespace, and are not checkpointed: a restore registers each key's
 * next deadline again.
 */
public final class DynamicCepOperator<K, T> extends KeyedCoOperator<K, T, Rule, DynamicMatch<T>> {
    private final DynamicPatternSpec<T> spec;
    private RuleBook<T> book;
    private Output<DynamicMatch<T>> out;
    private long bufferedEvents;
    /** The rule stream has ended: the rules in force (and those scheduled) are all there will be. */
    private boolean rulesFinal;
    /** (matcher, key) pairs whose timeout timer fired during the current watermark. */
    private final List<RuleMatcher> dueMatchers = new ArrayList<>();
    private final List<KeyMatches> dueKeys = new ArrayList<>();

    public DynamicCepOperator(KeySelector<T, K> key, DynamicPatternSpec<T> spec) {
        super(key, null);
        this.spec = spec;
    }

    @Override
    public void setup(OperatorContext context, Output<DynamicMatch<T>> output) {
        super.setup(context, output);
        this.out = output;
        // every instance sees every rule: one of them reports the errors, once
        boolean reportsErrors = context.subtask() == 0;
        this.book = new RuleBook<>(context.name(), RulePatterns.forOperator(spec.fields()), spec.policy(),
            e -> {
                if (reportsErrors) {
                    context.output(DynamicPatternStream.RULE_ERRORS, e, currentTimestamp);
                }
            },
            () -> context.clock().millis(), this::emit);
    }

    @SuppressWarnings("unchecked")
    private void emit(RuleMatcher m, Map<String, List<Object>> match, long timestamp) {
        out.collect(new DynamicMatch<>(m.rule.id(), m.rule.version(), (Map<String, List<T>>) (Map<?, ?>) match), timestamp);
    }

    /** Events waiting for the watermark. */
    public long bufferedEvents() {
        return bufferedEvents;
    }

    @Override
    protected void element1(T value, long timestamp) {
        if (spec.processingTime()) {
            long now = context.clock().millis();
            Object key = currentKey;
            for (RuleMatcher m : book.matchers()) {
                feed(m, key, value, now);
            }
            return;
        }
        if (timestamp == NO_TIMESTAMP || timestamp <= currentWatermark) {
            context.lateRecord(spec.lateDataTag(), value, timestamp);
            return;
        }
        // while rules may still change, every event waits: a rule update that arrives before the
        // watermark passes the event applies to it. Once the rule stream has ended the rule set is
        // final, and an event no rule can use is dropped on arrival as the static operator does.
        if (rulesFinal && !book.hasPending() && irrelevantToAll(value, timestamp)) {
            return;
        }
        bufferedEvents++;
        eventTimers.registerUnique(currentKey, value, timestamp);
    }

    /** True when every rule in force would only skip the event ({@link dev.runnel.cep.nfa.Nfa#irrelevant}). */
    private boolean irrelevantToAll(T value, long timestamp) {
        for (RuleMatcher m : book.matchers()) {
            try {
                if (!m.nfa.irrelevant(value, timestamp)) {
                    return false;
                }
            } catch (RuntimeException e) {
                throw failure(e, m, currentKey, timestamp, value);
            }
        }
        return true;
    }

    @Override
    public void endInput(int inputId) {
        if (inputId == 2) {
            rulesFinal = true;
        }
    }

    @Override
    protected void element2(Rule rule, long timestamp) {
        if (spec.processingTime() || timestamp == NO_TIMESTAMP || timestamp <= currentWatermark) {
            book.apply(rule);
        } else {
            book.schedule(rule, timestamp);
        }
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {
        if (namespace instanceof RuleMatcher m) {
            KeyMatches km = (KeyMatches) (Object) currentKey;
            if (km.timerAt == time) {
                km.timerAt = Long.MAX_VALUE;
            }
            if (!book.isLive(m) || m.keys.get(km.key()) != km) {
                return; // a timer of a rule version, or of key matches, that are gone
            }
            if (!eventTime) {
                advance(m, km, time);
            } else if (!km.timeoutDue) {
                // as the static operator: advance once this watermark's events are in
                km.timeoutDue = true;
                dueMatchers.add(m);
                dueKeys.add(km);
            }
            return;
        }
        bufferedEvents--;
        if (book.hasPending()) {
            book.applyPendingUpTo(time);
        }
        Object key = currentKey;
        for (RuleMatcher m : book.matchers()) {
            feed(m, key, namespace, time);
        }
    }

    private void feed(RuleMatcher m, Object key, Object event, long time) {
        KeyMatches km = m.keys.get(key);
        try {
            if (km == null) {
                if (!m.nfa.startsMatch(event, time)) {
                    return;
                }
                km = m.keys.getOrCreate(key);
            }
            m.nfa.process(km, event, time);
        } catch (RuntimeException e) {
            throw failure(e, m, key, time, event);
        }
        afterKey(m, km);
    }

    @Override
    protected void onWatermark(long watermark) {
        super.onWatermark(watermark);
        if (book.hasPending()) {
            book.applyPendingUpTo(watermark);
        }
        for (int i = 0; i < dueKeys.size(); i++) {
            RuleMatcher m = dueMatchers.get(i);
            KeyMatches km = dueKeys.get(i);
            km.timeoutDue = false;
            if (!book.isLive(m) || m.keys.get(km.key()) != km) {
                continue; // the rule version was dropped since
            }
            advance(m, km, watermark);
        }
        dueMatchers.clear();
        dueKeys.clear();
    }

    /** Times out what {@code within} ends at {@code time} (the watermark, or the processing-time clock). */
    private void advance(RuleMatcher m, KeyMatches km, long time) {
        try {
            m.nfa.advanceTime(km, time);
        } catch (RuntimeException e) {
            throw failure(e, m, km.key(), time, null);
        }
        afterKey(m, km);
    }

    /** Keeps one timer at the key's earliest deadline; forgets the key, and a finished old version, when empty. */
    private void afterKey(RuleMatcher m, KeyMatches km) {
        long deadline = km.deadline();
        if (deadline != Long.MAX_VALUE) {
            long g = m.timerGranularity;
            long rounded = Math.floorDiv(deadline, g) * g;
            if (rounded < deadline) {
                rounded = rounded > Long.MAX_VALUE - g ? deadline : rounded + g;
            }
            if (rounded < km.timerAt) {
                (spec.processingTime() ? processingTimers : eventTimers).registerUnique(km, m, rounded);
                km.timerAt = rounded;
            }
        }
        if (km.isIdle()) {
            m.keys.remove(km);
            book.forgetIfFinished(m);
        }
    }

    private RuntimeException failure(RuntimeException e, RuleMatcher m, Object key, long time, Object record) {
        if (e instanceof OperatorException) {
            return e;
        }
        Throwable cause = e instanceof dev.runnel.cep.nfa.ConditionFailedException && e.getCause() != null ? e.getCause() : e;
        return OperatorException.userCode(context.name() + " (" + m + ")", key, time, record, cause);
    }

    // ---- checkpoints: rules and waiting updates (RuleBook), then per matcher its rule and its keys'
    // partial matches, then the buffered events; timeout timers are derived again on restore

    @Override
    protected void snapshotTimers(DataOutput out, StateSerializers serializers) throws IOException {
        String what = context.name() + " dynamic rules";
        book.snapshot(out, serializers, what);
        RuleMatcher[] all = book.matchers();
        out.writeInt(all.length);
        for (RuleMatcher m : all) {
            serializers.write(what, m.rule, out);
            out.writeBoolean(m.draining);
            out.writeInt(m.keys.size());
            KeyMatchesCodec codec = new KeyMatchesCodec(m.nfa);
            for (KeyMatches km : m.keys.all()) {
                codec.write(km, out, serializers, what + " partial matches of " + m);
            }
        }
        SnapshotBuffer bytes = new SnapshotBuffer();
        DataOutputStream buffer = bytes.data();
        long[] count = {0};
        eventTimers.forEach((time, key, namespace) -> {
            if (!(namespace instanceof RuleMatcher)) {
                buffer.writeLong(time);
                serializers.write(what + " (key)", key, buffer);
                serializers.write(what + " (buffered event)", namespace, buffer);
                count[0]++;
            }
        });
        out.writeLong(count[0]);
        bytes.copyTo(out);
    }

    @Override
    protected void restoreTimers(DataInput in, StateSerializers serializers) throws IOException {
        String what = context.name() + " dynamic rules";
        book.restore(in, serializers, what);
        for (int n = in.readInt(); n > 0; n--) {
            Rule rule = (Rule) serializers.read(what, in);
            RuleMatcher m = book.restoredMatcher(rule, in.readBoolean());
            KeyMatchesCodec codec = new KeyMatchesCodec(m.nfa);
            for (int k = in.readInt(); k > 0; k--) {
                KeyMatches km = codec.read(in, serializers, what + " partial matches of " + m, this::ownsKey);
                if (km != null) {
                    m.keys.put(km);
                    km.timerAt = Long.MAX_VALUE; // no timer is registered yet in this instance
                    afterKey(m, km);
                }
            }
            book.forgetIfFinished(m);
        }
        for (long n = in.readLong(); n > 0; n--) {
            long time = in.readLong();
            Object key = serializers.read(what + " (key)", in);
            Object event = serializers.read(what + " (buffered event)", in);
            if (ownsKey(key)) {
                eventTimers.registerUnique(key, event, time);
                bufferedEvents++;
            }
        }
    }
}
