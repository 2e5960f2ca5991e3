package dev.runnel.state;

import dev.runnel.api.state.State;
import dev.runnel.api.state.StateTtlConfig;

/**
 * Base of the heap state handles: a slot in the current key's entry, with optional time-to-live.
 * With TTL the slot holds a {@link TtlValue}; an expired value is cleared when read and never returned.
 */
public abstract class AbstractKeyedState implements State {
    protected final StateSlots backend;
    protected final int slot;
    private final long ttlMillis;
    private final boolean refreshOnRead;

    protected AbstractKeyedState(StateSlots backend, int slot, StateTtlConfig ttl) {
        this.backend = backend;
        this.slot = slot;
        this.ttlMillis = ttl == null ? -1 : ttl.getTtl().toMillis();
        this.refreshOnRead = ttl != null && ttl.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    }

    /** The raw stored object, or null if absent or expired. */
    protected final Object load() {
        Object raw = backend.read(slot);
        if (ttlMillis < 0 || raw == null) {
            return raw;
        }
        TtlValue tv = (TtlValue) raw;
        long now = backend.clock().millis();
        if (now - tv.lastAccess >= ttlMillis) {
            backend.clearSlot(slot);
            return null;
        }
        if (refreshOnRead) {
            tv.lastAccess = now;
        }
        return tv.value;
    }

    protected final void store(Object value) {
        if (ttlMillis < 0 || value == null) {
            backend.write(slot, value);
            return;
        }
        Object raw = backend.read(slot);
        long now = backend.clock().millis();
        if (raw instanceof TtlValue tv) {
            tv.value = value;
            tv.lastAccess = now;
        } else {
            backend.write(slot, new TtlValue(value, now));
        }
    }

    /** Stored value object was mutated in place: refresh its TTL timestamp. */
    protected final void touched() {
        if (ttlMillis >= 0 && backend.read(slot) instanceof TtlValue tv) {
            tv.lastAccess = backend.clock().millis();
        }
    }

    final void expireIfDue(long now) {
        if (ttlMillis >= 0 && backend.read(slot) instanceof TtlValue tv && now - tv.lastAccess >= ttlMillis) {
            backend.clearSlot(slot);
        }
    }

    @Override
    public void clear() {
        backend.clearSlot(slot);
    }

    static final class TtlValue {
        Object value;
        long lastAccess;

        TtlValue(Object value, long lastAccess) {
            this.value = value;
            this.lastAccess = lastAccess;
        }
    }
}
