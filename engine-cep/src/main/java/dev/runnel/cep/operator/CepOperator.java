package dev.runnel.cep.operator;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.cep.EventComparator;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.functions.TimedOutPartialMatchHandler;
import dev.runnel.cep.nfa.CompiledPattern;
import dev.runnel.cep.nfa.KeyMatches;
import dev.runnel.cep.nfa.KeyMatchesByKey;
import dev.runnel.cep.nfa.MatchHandler;
import dev.runnel.cep.nfa.Nfa;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.OperatorException;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.operators.UserFunctions;
import dev.runnel.state.KeyedRuntimeContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pattern operator. In event time each key's events wait in the operator's event-time timer
 * queue (registered with the event itself as the timer's namespace, so the queue, grouped by
 * timestamp, is the time-order buffer: equal timestamps fire in arrival order) until the watermark
 * passes them; they then reach the {@link Nfa} in timestamp order. Events at or behind the watermark
 * are late. Each key with windowed partial matches has one more timer, at its earliest deadline,
 * that prunes them. In processing time events are matched on arrival, stamped with the clock.
 *
 * <p>A key has a {@link KeyMatches} only while it has partial matches: a released event of a key
 * without one is first checked against the start state and usually dropped with nothing created.
 * Timeout timers are registered with the key's KeyMatches as their key, so they need no lookup
 * when they fire; the user key is set on the state backend only when user code runs. A key with no
 * partial match is removed, so expired keys hold nothing.
 */
public final class CepOperator<K, IN, OUT> extends KeyedOperator<K, IN, OUT> implements MatchHandler {
    /** Namespace of per-key timeout timers. */
    private static final Object TIMEOUT = new Object() {
        @Override
        public String toString() {
            return "cep-timeout";
        }
    };
    /**
     * A buffered event's timer tag: the condition values {@link Nfa#knownValues} found on arrival in
     * its low bits, and from this bit, for an event that starts nothing, its {@link KeySlots} summary
     * plus one (0 for an event that may start a match, or one restored from a checkpoint).
     */
    private static final int SUMMARY_SHIFT = 8;
    private static final int SUMMARY_BITS = 0xF;

    /** Namespace of per-key "events at this timestamp" timers when a comparator orders them. */
    private static final Object SAME_TIMESTAMP = new Object() {
        @Override
        public String toString() {
            return "cep-events";
        }
    };

    private final CompiledPattern pattern;
    private final boolean processingTime;
    private final EventComparator<IN> comparator;
    private final OutputTag<IN> lateDataTag;
    private final PatternProcessFunction<IN, OUT> function;
    private final TimedOutPartialMatchHandler<IN> timeoutHandler;
    private final KeyMatchesByKey keys = new KeyMatchesByKey();
    private final KeySlots slots = new KeySlots(km -> this.nfa.waitBits(km), keys::all);
    private Nfa nfa;
    private long bufferedEvents;
    private long timerGranularity = 1;
    /** Keys whose timeout timer fired while the current watermark was being applied. */
    private final ArrayList<KeyMatches> dueKeys = new ArrayList<>();
    private KeyMatches currentMatches;
    private Object currentRecord;
    private long matchTimestamp;
    private Output<OUT> out;
    private final ContextImpl ctx = new ContextImpl();
    private final Collector<OUT> collector = record -> out.collect(record, matchTimestamp);

    @SuppressWarnings("unchecked")
    public CepOperator(KeySelector<IN, K> keySelector, CompiledPattern pattern, boolean processingTime, EventComparator<IN> comparator,
            OutputTag<IN> lateDataTag, PatternProcessFunction<IN, OUT> function) {
        super(keySelector, false);
        this.pattern = pattern;
        this.processingTime = processingTime;
        this.comparator = comparator;
        this.lateDataTag = lateDataTag;
        this.function = function;
        this.timeoutHandler = function instanceof TimedOutPartialMatchHandler<?> h ? (TimedOutPartialMatchHandler<IN>) h : null;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        this.out = output;
        this.nfa = new Nfa(pattern, () -> context.clock().millis());
        nfa.setHandler(this, timeoutHandler != null);
        timerGranularity = nfa.timerGranularity();
        CepMetrics.register(context.metrics(), this);
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(function, new KeyedRuntimeContext(context, backend));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    /** Open partial matches of this operator instance. */
    public long partialMatches() {
        return nfa.partialMatches();
    }

    /** Events waiting for the watermark plus distinct events held by partial matches. */
    public long bufferedEvents() {
        return bufferedEvents + nfa.heldEvents();
    }

    /** Keys holding any state: partial matches, held-back matches, buffered events, or a pending timeout timer. */
    public int activeKeys() {
        return keys.size();
    }

    @Override
    protected void processElement(IN value, long timestamp) {
        K key = currentKey;
        if (processingTime) {
            long now = context.clock().millis();
            KeyMatches km = existing(key);
            if (km == null || km.isIdle()) {
                if (!startsMatch(key, value, now, 0)) {
                    return;
                }
                if (km == null) {
                    km = keyMatches(key);
                }
            }
            currentRecord = value;
            currentMatches = km;
            try {
                nfa.process(km, value, now);
            } catch (RuntimeException e) {
                throw failure(e, key, now, value);
            }
            afterKey(km);
            return;
        }
        if (timestamp == NO_TIMESTAMP || timestamp <= currentWatermark) {
            // late; a record without a timestamp counts as late too (Flink reads it as Long.MIN_VALUE)
            context.lateRecord(lateDataTag, value, timestamp);
            return;
        }
        if (comparator == null) {
            byte kind = classify(key, value, timestamp);
            if (kind == Nfa.DROP) {
                return; // it could change nothing but pruning, which the key's timeout timer does too
            }
            bufferedEvents++;
            // the timer queue is the time-order buffer: keyed by the user key, the event as namespace; the tag
            // keeps what the arrival checks found, so that the release reads neither the event nor, mostly, the key's matches
            int tag = nfa.knownValues();
            if (kind == Nfa.NEVER_STARTS) {
                tag |= (slots.summary(nfa.dieMask()) + 1) << SUMMARY_SHIFT;
            }
            eventTimers.registerUnique(key, value, timestamp, tag);
        } else {
            bufferedEvents++;
            KeyMatches km = keyMatches(key);
            km.bufferedEvents++;
            if (km.sameTimestamp == null) {
                km.sameTimestamp = new org.agrona.collections.Long2ObjectHashMap<>();
            }
            ArrayList<Object> atTs = km.sameTimestamp.get(timestamp);
            if (atTs == null) {
                atTs = new ArrayList<>(2);
                km.sameTimestamp.put(timestamp, atTs);
                eventTimers.register(km, SAME_TIMESTAMP, timestamp);
            }
            atTs.add(value);
        }
    }

    private byte classify(Object key, Object value, long time) {
        try {
            return nfa.classify(value, time);
        } catch (RuntimeException e) {
            throw failure(e, key, time, value);
        }
    }

    private KeyMatches existing(Object key) {
        return keys.get(key);
    }

    private boolean startsMatch(Object key, Object value, long time, int knownValues) {
        try {
            return nfa.startsMatch(value, time, knownValues);
        } catch (RuntimeException e) {
            throw failure(e, key, time, value);
        }
    }

    private KeyMatches keyMatches(Object key) {
        return keys.getOrCreate(key);
    }

    private void forget(KeyMatches km) {
        keys.remove(km);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onTimer(long time, Object namespace, boolean eventTime) {
        if (namespace != TIMEOUT && namespace != SAME_TIMESTAMP) {
            // a buffered event whose time has come; its timer is keyed by the user key
            bufferedEvents--;
            Object key = currentKey;
            int tag = eventTimers.firingTag();
            int summary = (tag >>> SUMMARY_SHIFT) & SUMMARY_BITS;
            if (summary != 0) {
                // an event that starts nothing: it matters only if its key holds matches, which the slot rules out for most
                if (slots.count(summary - 1, key) == 0) {
                    return;
                }
                KeyMatches km = existing(key);
                if (km != null && km.holdsMatches()) {
                    feed(km, namespace, time, tag);
                    afterKey(km);
                }
                return;
            }
            KeyMatches km = existing(key);
            if (km == null || km.isIdle()) {
                if (!startsMatch(key, namespace, time, tag)) {
                    return;
                }
                if (km == null) {
                    km = keyMatches(key);
                }
            }
            feed(km, namespace, time, tag);
            afterKey(km);
            return;
        }
        KeyMatches km = (KeyMatches) (Object) currentKey; // timeout and same-timestamp timers are keyed by the KeyMatches
        if (namespace == TIMEOUT) {
            if (km.timerAt == time) {
                km.timerAt = Long.MAX_VALUE;
            }
            if (eventTime) {
                // as Flink: time jumps straight to the watermark once this watermark's events are in
                // (see onWatermark), so that a match held back by a skip strategy cannot be released,
                // and prune partial matches, at a deadline before the others have timed out
                if (!km.timeoutDue) {
                    km.timeoutDue = true;
                    dueKeys.add(km);
                }
                return;
            }
            currentRecord = null;
            currentMatches = km;
            try {
                nfa.advanceTime(km, time);
            } catch (RuntimeException e) {
                throw failure(e, km.key(), time, null);
            }
        } else if (namespace == SAME_TIMESTAMP) {
            ArrayList<Object> events = km.sameTimestamp.remove(time);
            events.sort((a, b) -> comparator.compare((IN) a, (IN) b));
            for (Object event : events) {
                km.bufferedEvents--;
                bufferedEvents--;
                feed(km, event, time, 0);
            }
        }
        afterKey(km);
    }

    @Override
    protected void onWatermark(long watermark) {
        super.onWatermark(watermark);
        if (!dueKeys.isEmpty()) {
            advanceDueKeys(watermark);
        }
    }

    /** Keys whose timeout timers fired for this watermark advance to it, after its events were fed. */
    private void advanceDueKeys(long watermark) {
        for (int i = 0; i < dueKeys.size(); i++) {
            KeyMatches km = dueKeys.get(i);
            km.timeoutDue = false;
            currentRecord = null;
            currentMatches = km;
            try {
                nfa.advanceTime(km, watermark);
            } catch (RuntimeException e) {
                throw failure(e, km.key(), watermark, null);
            }
            afterKey(km);
        }
        dueKeys.clear();
    }

    private void feed(KeyMatches km, Object event, long time, int knownValues) {
        currentRecord = event;
        currentMatches = km;
        try {
            nfa.process(km, event, time, knownValues);
        } catch (RuntimeException e) {
            throw failure(e, km.key(), time, event);
        }
    }

    /**
     * Keeps one timer at the key's earliest deadline, and forgets the key once it holds nothing and no
     * timer of its own is pending. A key whose last partial match completed keeps its KeyMatches until
     * that timer fires: its next partial match reuses it and the pending timer, instead of a new
     * KeyMatches and a new timer per partial match while the old timer holds the old one alive for a
     * whole {@code within} (W5 in processing time at 1 M events/s: 100,000 timers and dead KeyMatches
     * a second, about a million alive at once, copied by every young collection).
     */
    private void afterKey(KeyMatches km) {
        slots.update(km);
        long deadline = km.deadline();
        if (deadline != Long.MAX_VALUE) {
            long rounded = Math.floorDiv(deadline, timerGranularity) * timerGranularity;
            if (rounded < deadline) {
                rounded = rounded > Long.MAX_VALUE - timerGranularity ? deadline : rounded + timerGranularity;
            }
            if (rounded < km.timerAt) {
                // no de-duplication lookup and no delete: a timer that fires for nothing costs less than
                // keeping timers exact, and it fires at the latest one granule after the partial match expired
                (processingTime ? processingTimers : eventTimers).registerUnique(km, TIMEOUT, rounded);
                km.timerAt = rounded;
            }
        }
        if (km.isIdle() && km.timerAt == Long.MAX_VALUE) {
            forget(km);
        }
        currentMatches = null;
    }

    private RuntimeException failure(RuntimeException e, Object key, long time, Object record) {
        if (e instanceof OperatorException) {
            return e;
        }
        Throwable cause = e instanceof dev.runnel.cep.nfa.ConditionFailedException && e.getCause() != null ? e.getCause() : e;
        return OperatorException.userCode(context.name(), key, time, record, cause);
    }

    // ---- MatchHandler: called by the NFA for the key being processed

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onMatch(Map<String, List<Object>> match, long timestamp) {
        matchTimestamp = timestamp;
        enterUserKey();
        try {
            function.processMatch((Map) match, ctx, collector);
        } catch (Exception e) {
            throw OperatorException.userCode(context.name(), null, timestamp, match, e);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onTimeout(Map<String, List<Object>> partialMatch, long timestamp) {
        matchTimestamp = timestamp;
        enterUserKey();
        try {
            timeoutHandler.processTimedOutMatch((Map) partialMatch, ctx);
        } catch (Exception e) {
            throw OperatorException.userCode(context.name(), null, timestamp, partialMatch, e);
        }
    }

    /** User functions may use keyed state: scope it to the user key (timers carry the KeyMatches instead). */
    @SuppressWarnings("unchecked")
    private void enterUserKey() {
        if (currentMatches != null) {
            setCurrentKey((K) currentMatches.key());
        }
    }

    // ---- checkpoints: per key its matcher state (KeyMatchesCodec), then the timers (CepTimers)

    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        out.writeLong(metrics.lateRecordsDropped);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        metrics.lateRecordsDropped += in.readLong();
    }

    @Override
    protected void snapshotTimers(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        String what = context.name() + " partial matches";
        dev.runnel.cep.nfa.KeyMatchesCodec codec = new dev.runnel.cep.nfa.KeyMatchesCodec(nfa);
        out.writeInt(activeKeys());
        for (KeyMatches km : keys.all()) {
            codec.write(km, out, serializers, what);
        }
        CepTimers timers = checkpointedTimers();
        timers.write(eventTimers, out, serializers, what);
        timers.write(processingTimers, out, serializers, what);
    }

    @Override
    protected void restoreTimers(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        String what = context.name() + " partial matches";
        dev.runnel.cep.nfa.KeyMatchesCodec codec = new dev.runnel.cep.nfa.KeyMatchesCodec(nfa);
        for (int n = in.readInt(); n > 0; n--) {
            KeyMatches km = codec.read(in, serializers, what, this::ownsKey);
            if (km != null) {
                keys.put(km);
                slots.update(km);
                bufferedEvents += km.bufferedEvents;
            }
        }
        CepTimers timers = checkpointedTimers();
        bufferedEvents += timers.read(eventTimers, in, serializers, what);
        bufferedEvents += timers.read(processingTimers, in, serializers, what);
    }

    private CepTimers checkpointedTimers() {
        return new CepTimers(context.name(), TIMEOUT, SAME_TIMESTAMP, this::existing, this::ownsKey);
    }

    private final class ContextImpl implements PatternProcessFunction.Context {
        @Override
        public long timestamp() {
            return matchTimestamp;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public <X> void output(dev.runnel.api.OutputTag<X> outputTag, X value) {
            context.output(outputTag, value, matchTimestamp);
        }
    }
}
