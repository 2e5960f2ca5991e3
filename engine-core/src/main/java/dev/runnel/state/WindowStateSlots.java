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
    private final List<StateDescriptor<?>> descriptors = new ArrayList<>();
    private final List<AbstractKeyedState> states = new ArrayList<>();
    private Holder bound;

    public WindowStateSlots(Clock clock) {
        this.clock = clock;
    }

    public void bind(Holder holder) {
        this.bound = holder;
    }

    public List<StateDescriptor<?>> descriptors() {
        return descriptors;
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
        for (int i = 0; i < descriptors.size(); i++) {
            if (descriptors.get(i).getName().equals(descriptor.getName())) {
                return (S) states.get(i);
            }
        }
        descriptors.add(descriptor);
        S state = factory.apply(descriptors.size() - 1);
        states.add(state);
        return state;
    }
}
