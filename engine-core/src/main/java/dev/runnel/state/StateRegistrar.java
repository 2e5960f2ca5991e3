package dev.runnel.state;

import dev.runnel.api.state.StateDescriptor;
import java.util.function.IntFunction;

/** Registers state by name once and returns the same handle for the same name. */
public interface StateRegistrar {
    <S extends AbstractKeyedState> S register(StateDescriptor<?> descriptor, IntFunction<S> factory);
}
