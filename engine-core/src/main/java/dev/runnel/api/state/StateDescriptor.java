package dev.runnel.api.state;

import java.util.Objects;

/** Names a piece of keyed state. Names are unique per operator. */
public abstract class StateDescriptor<T> implements java.io.Serializable {
    // Serializable: triggers and functions hold descriptors in fields, and engines that ship functions
    // to other processes (the Flink runner) serialize them with those fields
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Class<T> type;
    private StateTtlConfig ttlConfig;

    protected StateDescriptor(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "state name");
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public Class<T> getType() {
        return type;
    }

    public void enableTimeToLive(StateTtlConfig config) {
        this.ttlConfig = Objects.requireNonNull(config, "ttl config");
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
