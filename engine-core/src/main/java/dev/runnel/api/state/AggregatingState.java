package dev.runnel.api.state;

public interface AggregatingState<IN, OUT> extends State {
    /** The aggregate's result for the current key, or {@code null} if nothing was added. */
    OUT get();

    void add(IN value);
}
