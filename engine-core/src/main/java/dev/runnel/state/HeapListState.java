package dev.runnel.state;

import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** List state; with TTL the whole list expires a TTL after its last change. */
public final class HeapListState<T> extends AbstractKeyedState implements ListState<T> {
    public HeapListState(StateSlots backend, int slot, ListStateDescriptor<T> descriptor) {
        super(backend, slot, descriptor.getTtlConfig());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Iterable<T> get() {
        List<T> list = (List<T>) load();
        return list == null ? Collections.emptyList() : list;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("ListState.add(null) is not allowed");
        }
        List<T> list = (List<T>) load();
        if (list == null) {
            list = new ArrayList<>(4);
            list.add(value);
            store(list);
        } else {
            list.add(value);
            touched();
        }
    }

    @Override
    public void addAll(List<T> values) {
        for (T v : values) {
            add(v);
        }
    }

    @Override
    public void update(List<T> values) {
        if (values == null || values.isEmpty()) {
            clear();
        } else {
            store(new ArrayList<>(values));
        }
    }
}
