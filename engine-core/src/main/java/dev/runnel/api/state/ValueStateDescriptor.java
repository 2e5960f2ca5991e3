package dev.runnel.api.state;

public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
    public ValueStateDescriptor(String name, Class<T> type) {
        super(name, type);
    }
}
