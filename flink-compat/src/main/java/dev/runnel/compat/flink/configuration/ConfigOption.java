package dev.runnel.compat.flink.configuration;

/**
 * Flink's {@code ConfigOption}: a configuration key with its default. Runnel configures a job through
 * {@code StreamEnvironment}'s methods, not a key-value configuration; the options are here because
 * Flink's example programs read their defaults ({@code ExecutionOptions.RUNTIME_MODE.defaultValue()}).
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
