package dev.runnel.api;

import dev.runnel.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream every parallel instance of the operator it is connected to will receive in full, with
 * the broadcast state those instances keep ({@code stream.broadcast(descriptors...)}).
 */
public final class BroadcastStream<T> {
    private final DataStream<T> input;
    private final List<MapStateDescriptor<?, ?>> descriptors;

    BroadcastStream(DataStream<T> input, List<MapStateDescriptor<?, ?>> descriptors) {
        this.input = input;
        this.descriptors = List.copyOf(descriptors);
    }

    DataStream<T> input() {
        return input;
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return descriptors;
    }
}
