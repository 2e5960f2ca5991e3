package dev.runnel.api.functions;

import dev.runnel.api.state.State;

/** Applied by {@code applyToKeyedState} to the state of every key that has it. */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    void process(K key, S state) throws Exception;
}
