package dev.runnel.api.configuration;

/** Flink's {@code StateBackendOptions}: the state backend, of which Runnel has one (see {@link Configuration}). */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    public static final ConfigOption<String> STATE_BACKEND = new ConfigOption<>("state.backend.type", "hashmap");
}
