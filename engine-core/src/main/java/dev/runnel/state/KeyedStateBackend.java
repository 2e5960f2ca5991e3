package dev.runnel.state;

import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap keyed state of one operator instance. Each key owns one slot array holding every registered
 * state's value, so setting the current key is the only hash lookup a record costs; state handles
 * then read their slot directly. A key whose slots are all empty is removed, so keys that expire
 * leave nothing behind.
 */
public final class KeyedStateBackend implements StateSlots, StateRegistrar {
    // java.util.HashMap, not an open-addressing map: keys are often small consecutive numbers, which
    // form long probe clusters under linear probing, and misses (keys whose state was cleared) then
    // scan the whole cluster. Chained buckets with tree bins keep both hits and misses O(1).
    private final java.util.HashMap<Object, Object[]> entries = new java.util.HashMap<>(1024);
    private final List<StateDescriptor<?>> descriptors = new ArrayList<>();
    private final List<AbstractKeyedState> states = new ArrayList<>();
    private final Clock clock;
    private final String operatorName;
    private Object currentKey;
    private Object[] current;
    private long lastTtlSweep;
    private long ttlSweepInterval = Long.MAX_VALUE;

    public KeyedStateBackend(String operatorName, Clock clock) {
        this.operatorName = operatorName;
        this.clock = clock;
        this.lastTtlSweep = clock.millis();
    }

    public void setCurrentKey(Object key) {
        currentKey = key;
        current = entries.get(key);
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
        Object[] e = current;
        return e == null || slot >= e.length ? null : e[slot];
    }

    @Override
    public void write(int slot, Object value) {
        if (value == null) {
            clearSlot(slot);
            return;
        }
        Object[] e = current;
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
        Object[] e = current;
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
        List<Object> keys = new ArrayList<>(entries.keySet());
        for (Object key : keys) {
            setCurrentKey(key);
            for (AbstractKeyedState s : states) {
                s.expireIfDue(now);
            }
        }
        setCurrentKey(savedKey);
    }
}
