package dev.runnel.api.state;

public interface ReducingState<T> extends State {
    T get();

    void add(T value);
}
