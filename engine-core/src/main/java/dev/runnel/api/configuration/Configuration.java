package dev.runnel.api.configuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Flink's {@code Configuration}: option values, given to
 * {@code StreamEnvironment.getExecutionEnvironment(configuration)}. Runnel applies the options it has:
 * <ul>
 *   <li>{@link ExecutionOptions#RUNTIME_MODE} as {@code setRuntimeMode};</li>
 *   <li>{@link CheckpointingOptions#CHECKPOINTS_DIRECTORY}: where {@code enableCheckpointing(interval)}
 *       writes (kept after the job, unlike the default temporary directory);
 *       {@link CheckpointingOptions#CHECKPOINT_STORAGE} "jobmanager" or "filesystem", and
 *       {@link CheckpointingOptions#INCREMENTAL_CHECKPOINTS}, are accepted;</li>
 *   <li>{@link StateBackendOptions#STATE_BACKEND} "hashmap" (state on the heap, which is how Runnel
 *       keeps it); any other backend is refused with one line, since Runnel has no RocksDB.</li>
 * </ul>
 * Options Runnel does not know are ignored, as Flink ignores keys it does not know.
 */
public class Configuration implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> values = new LinkedHashMap<>();

    public Configuration() {}

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), Objects.requireNonNull(value, "value"));
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigOption<T> option) {
        Object value = values.get(option.key());
        return value == null ? option.defaultValue() : (T) value;
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    public void setString(String key, String value) {
        values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    public String getString(String key, String defaultValue) {
        Object value = values.get(key);
        return value == null ? defaultValue : value.toString();
    }

    /** The options set, by key, as strings. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, v.toString()));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}
