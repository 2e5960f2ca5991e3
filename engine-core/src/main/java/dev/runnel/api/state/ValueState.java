package dev.runnel.api.state;

public interface ValueState<T> extends State {
    /** The value for the current key, or {@code null} if none (or it expired). */
    T value();

    void update(T value);
}
