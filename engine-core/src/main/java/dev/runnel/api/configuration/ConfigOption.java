package dev.runnel.api.configuration;

/**
 * Flink's {@code ConfigOption}: a typed configuration key with its default, set in a
 * {@link Configuration} that {@code StreamEnvironment.getExecutionEnvironment(configuration)} applies.
 * Runnel has the options of {@link ExecutionOptions}, {@link CheckpointingOptions} and
 * {@link StateBackendOptions} that ported programs set; its own API configures a job by methods.
 */
public final class ConfigOption<T> {
    private final String key;
    private final T defaultValue;

    ConfigOption(String key, T defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    public String key() {
        return key;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public T defaultValue() {
        return defaultValue;
    }

    @Override
    public String toString() {
        return "Key: '" + key + "' , default: " + defaultValue;
    }
}
