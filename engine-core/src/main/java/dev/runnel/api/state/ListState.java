package dev.runnel.api.state;

import java.util.List;

public interface ListState<T> extends State {
    /** The elements for the current key; empty (never null) if none. */
    Iterable<T> get();

    void add(T value);

    void addAll(List<T> values);

    void update(List<T> values);
}
