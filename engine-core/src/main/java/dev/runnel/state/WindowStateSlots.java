package dev.runnel.state;

import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * State slots scoped to one window of one key. The window operator binds the slot array of the
 * window it is working on; handles registered here then read and write that window's values.
 */
public final class WindowStateSlots implements StateSlots, StateRegistrar {
    /** The per-window slot array lives in the operator's window record; this gives access to it. */
    public interface Holder {
        Object[] slots();

        void slots(Object[] slots);
    }

    private final Clock clock;
    /** Null where a restored checkpoint reserved a slot for a state not registered yet. */
    private final List<StateDescriptor<?>> descriptors = new ArrayList<>();
    private final List<AbstractKeyedState> states = new ArrayList<>();
    /** Slot names, parallel to {@link #descriptors}: what checkpoints identify slots by. */
    private final List<String> names = new ArrayList<>();
    private Holder bound;

    public WindowStateSlots(Clock clock) {
        this.clock = clock;
    }

    public void bind(Holder holder) {
        this.bound = holder;
    }

    /** The descriptor of each slot; null for a slot restored from a checkpoint whose state is not registered yet. */
    public List<StateDescriptor<?>> descriptors() {
        return descriptors;
    }

    /** The state name of each slot, in slot order, for checkpoints. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /**
     * Restore: gives the state {@code name} slot {@code slot}, as it had when the checkpoint was
     * taken, so that restored slot arrays read right. States register lazily (a trigger asks for its
     * state on its first element), so a restored job registers them in its own order; a name seen
     * here keeps its slot when it registers, and new names get slots after the reserved ones.
     */
    public void reserve(int slot, String name) {
        if (slot != names.size() || names.contains(name)) {
            throw new IllegalStateException("Window state '" + name + "' restored into slot " + slot
                + ", but slots " + names + " are taken; restore window states before the operator opens");
        }
        names.add(name);
        descriptors.add(null);
        states.add(null);
    }

    @Override
    public Object read(int slot) {
        Object[] s = bound == null ? null : bound.slots();
        return s == null || slot >= s.length ? null : s[slot];
    }

    @Override
    public void write(int slot, Object value) {
        if (bound == null) {
            throw new IllegalStateException("window state used outside of a window");
        }
        Object[] s = bound.slots();
        if (s == null || slot >= s.length) {
            if (value == null) {
                return;
            }
            Object[] grown = new Object[descriptors.size()];
            if (s != null) {
                System.arraycopy(s, 0, grown, 0, s.length);
            }
            s = grown;
            bound.slots(s);
        }
        s[slot] = value;
    }

    @Override
    public void clearSlot(int slot) {
        Object[] s = bound == null ? null : bound.slots();
        if (s != null && slot < s.length) {
            s[slot] = null;
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends AbstractKeyedState> S register(StateDescriptor<?> descriptor, IntFunction<S> factory) {
        int slot = names.indexOf(descriptor.getName());
        if (slot >= 0 && states.get(slot) != null) {
            return (S) states.get(slot);
        }
        if (slot < 0) {
            slot = names.size();
            names.add(descriptor.getName());
            descriptors.add(descriptor);
            states.add(null);
        }
        descriptors.set(slot, descriptor);
        S state = factory.apply(slot);
        states.set(slot, state);
        return state;
    }
}
