package dev.runnel.state;

import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap keyed state of one operator instance. Each key owns one slot array holding every registered
 * state's value, so looking the key up once is the only hash lookup a record costs; state handles
 * then read their slot directly. A key whose slots are all empty is removed, so keys that expire
 * leave nothing behind.
 */
public final class KeyedStateBackend implements StateSlots, StateRegistrar {
    private final KeyEntries entries = new KeyEntries();
    private final List<StateDescriptor<?>> descriptors = new ArrayList<>();
    private final List<AbstractKeyedState> states = new ArrayList<>();
    private final Clock clock;
    private final String operatorName;
    private Object currentKey;
    /** The current key's slots; {@link #NOT_LOOKED_UP} until a state of that key is first used. */
    private Object[] current;
    /**
     * Setting the key only notes it: the lookup waits for the first state access, so operators that set
     * the key for every timer or event but seldom touch state (CEP releasing buffered events, windows
     * without per-window state) cost no lookup for it.
     */
    private static final Object[] NOT_LOOKED_UP = new Object[0];
    private long lastTtlSweep;
    private long ttlSweepInterval = Long.MAX_VALUE;
    /** Restored values of states not registered yet (they register in open()), by state name. */
    private final java.util.Map<String, java.util.Map<Object, Object>> pendingRestore = new java.util.LinkedHashMap<>();

    public KeyedStateBackend(String operatorName, Clock clock) {
        this.operatorName = operatorName;
        this.clock = clock;
        this.lastTtlSweep = clock.millis();
    }

    public void setCurrentKey(Object key) {
        currentKey = key;
        current = NOT_LOOKED_UP;
    }

    private Object[] current() {
        Object[] e = current;
        return e != NOT_LOOKED_UP ? e : (current = entries.get(currentKey));
    }

    public Object currentKey() {
        return currentKey;
    }

    public int numberOfKeys() {
        return entries.size();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    String operatorName() {
        return operatorName;
    }

    @Override
    public Object read(int slot) {
        Object[] e = current();
        return e == null || slot >= e.length ? null : e[slot];
    }

    @Override
    public void write(int slot, Object value) {
        if (value == null) {
            clearSlot(slot);
            return;
        }
        Object[] e = current();
        if (e == null) {
            checkKey();
            e = new Object[descriptors.size()];
            entries.put(currentKey, e);
            current = e;
        } else if (slot >= e.length) {
            e = java.util.Arrays.copyOf(e, descriptors.size());
            entries.put(currentKey, e);
            current = e;
        }
        e[slot] = value;
    }

    @Override
    public void clearSlot(int slot) {
        Object[] e = current();
        if (e == null || slot >= e.length || e[slot] == null) {
            return;
        }
        e[slot] = null;
        for (Object o : e) {
            if (o != null) {
                return;
            }
        }
        entries.remove(currentKey);
        current = null;
    }

    private void checkKey() {
        if (currentKey == null) {
            throw new IllegalStateException("Keyed state of operator '" + operatorName
                + "' was used outside of a keyed context (no current key); state is only available on a keyed stream "
                + "while processing a record or timer.");
        }
    }

    /** Registers a state once per name; asking again with the same name returns the same handle. */
    @Override
    @SuppressWarnings("unchecked")
    public <S extends AbstractKeyedState> S register(StateDescriptor<?> descriptor, java.util.function.IntFunction<S> factory) {
        for (int i = 0; i < descriptors.size(); i++) {
            if (descriptors.get(i).getName().equals(descriptor.getName())) {
                AbstractKeyedState existing = states.get(i);
                if (descriptors.get(i).getClass() != descriptor.getClass()) {
                    throw new IllegalArgumentException("State '" + descriptor.getName() + "' of operator '" + operatorName
                        + "' is already registered as " + descriptors.get(i).getClass().getSimpleName());
                }
                return (S) existing;
            }
        }
        int slot = descriptors.size();
        descriptors.add(descriptor);
        S state = factory.apply(slot);
        states.add(state);
        java.util.Map<Object, Object> restored = pendingRestore.remove(descriptor.getName());
        if (restored != null) {
            install(slot, restored);
        }
        if (descriptor.getTtlConfig() != null) {
            ttlSweepInterval = Math.min(ttlSweepInterval, Math.max(1, descriptor.getTtlConfig().getTtl().toMillis() / 2));
        }
        return state;
    }

    /**
     * Removes expired TTL state of all keys, at most once per half the shortest TTL; reads already
     * hide expired values, the sweep only frees memory.
     */
    public void sweepExpired(long now) {
        if (ttlSweepInterval == Long.MAX_VALUE || now - lastTtlSweep < ttlSweepInterval) {
            return;
        }
        lastTtlSweep = now;
        Object savedKey = currentKey;
        List<Object> keys = new ArrayList<>(entries.size());
        entries.forEach((key, e) -> keys.add(key));
        for (Object key : keys) {
            setCurrentKey(key);
            for (AbstractKeyedState s : states) {
                s.expireIfDue(now);
            }
        }
        setCurrentKey(savedKey);
    }

    // ---- checkpoints (never on the record path)

    private static final byte PLAIN = 0;
    private static final byte WITH_TTL = 1;

    /**
     * Writes every registered state's values, per state name and key. Names, not slot numbers, identify
     * states, so a restored job may register its states in another order or drop some.
     */
    public void snapshot(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        out.writeInt(descriptors.size() + pendingRestore.size());
        for (int slot = 0; slot < descriptors.size(); slot++) {
            String name = descriptors.get(slot).getName();
            int s = slot;
            int[] count = {0};
            entries.forEach((key, e) -> {
                if (s < e.length && e[s] != null) {
                    count[0]++;
                }
            });
            out.writeUTF(name);
            out.writeInt(count[0]);
            String what = operatorName + "/" + name;
            entries.forEach((key, e) -> {
                if (s < e.length && e[s] != null) {
                    writeEntry(what, key, e[s], out, serializers);
                }
            });
        }
        // restored but not (yet) claimed by this job: carried forward rather than silently dropped
        for (java.util.Map.Entry<String, java.util.Map<Object, Object>> p : pendingRestore.entrySet()) {
            out.writeUTF(p.getKey());
            out.writeInt(p.getValue().size());
            String what = operatorName + "/" + p.getKey();
            for (java.util.Map.Entry<Object, Object> entry : p.getValue().entrySet()) {
                writeEntry(what, entry.getKey(), entry.getValue(), out, serializers);
            }
        }
    }

    /** {@code what} is the state's name in error messages: operator/state (built once per state, not per entry). */
    private void writeEntry(String what, Object key, Object value, java.io.DataOutput out,
                            dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        serializers.write(what, key, out);
        if (value instanceof AbstractKeyedState.TtlValue tv) {
            out.writeByte(WITH_TTL);
            out.writeLong(tv.lastAccess);
            serializers.write(what, tv.value, out);
        } else {
            out.writeByte(PLAIN);
            serializers.write(what, value, out);
        }
    }

    /** Reads what {@link #snapshot} wrote. States registered later (in open()) receive their values then. */
    public void restore(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        restore(in, serializers, key -> true);
    }

    /**
     * As above, keeping only the keys {@code owned} accepts and adding to what is already restored:
     * after a change of parallelism a subtask reads the snapshots of all old subtasks.
     */
    public void restore(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers,
                        java.util.function.Predicate<Object> owned) throws java.io.IOException {
        int states = in.readInt();
        for (int s = 0; s < states; s++) {
            String name = in.readUTF();
            int count = in.readInt();
            java.util.Map<Object, Object> values = new java.util.HashMap<>(Math.max(16, count * 2));
            String what = operatorName + "/" + name;
            for (int i = 0; i < count; i++) {
                Object key = serializers.read(what, in);
                byte kind = in.readByte();
                long lastAccess = kind == WITH_TTL ? in.readLong() : 0;
                Object value = serializers.read(what, in);
                if (owned.test(key)) {
                    values.put(key, kind == WITH_TTL ? new AbstractKeyedState.TtlValue(value, lastAccess) : value);
                }
            }
            int slot = slotOf(name);
            if (slot >= 0) {
                install(slot, values);
            } else {
                pendingRestore.computeIfAbsent(name, n -> new java.util.HashMap<>()).putAll(values);
            }
        }
    }

    /** Names of restored states that no registered state has claimed (e.g. removed from the job). */
    public java.util.Set<String> unclaimedRestoredStates() {
        return java.util.Set.copyOf(pendingRestore.keySet());
    }

    /**
     * The keys that have a value in state {@code stateName}, copied so that the caller may set each
     * as the current key and change or clear its state while going through them.
     */
    public java.util.List<Object> keysWithState(String stateName) {
        int slot = slotOf(stateName);
        java.util.List<Object> keys = new ArrayList<>();
        if (slot < 0) {
            return keys;
        }
        entries.forEach((key, e) -> {
            if (slot < e.length && e[slot] != null) {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * The sum of {@code measure} over every key's value of state {@code stateName}, for monitoring threads
     * (gauges): a racy walk of the job thread's map, which may throw if the keys change meanwhile (see
     * {@link dev.runnel.runtime.RacyGauge}). Zero if no such state is registered.
     */
    public long sumForMonitoring(String stateName, java.util.function.ToLongFunction<Object> measure) {
        int slot = slotOf(stateName);
        if (slot < 0) {
            return 0;
        }
        long[] sum = {0};
        entries.forEach((key, e) -> {
            Object value = slot < e.length ? e[slot] : null;
            if (value != null) {
                sum[0] += measure.applyAsLong(value);
            }
        });
        return sum[0];
    }

    private int slotOf(String name) {
        for (int i = 0; i < descriptors.size(); i++) {
            if (descriptors.get(i).getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void install(int slot, java.util.Map<Object, Object> values) {
        for (java.util.Map.Entry<Object, Object> v : values.entrySet()) {
            Object[] e = entries.get(v.getKey());
            if (e == null) {
                e = new Object[descriptors.size()];
                entries.put(v.getKey(), e);
            } else if (slot >= e.length) {
                e = java.util.Arrays.copyOf(e, descriptors.size());
                entries.put(v.getKey(), e);
            }
            e[slot] = v.getValue();
        }
        setCurrentKey(currentKey);
    }
}
