package dev.runnel.api.state;

public final class ListStateDescriptor<T> extends StateDescriptor<T> {
    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, elementType);
    }
}
