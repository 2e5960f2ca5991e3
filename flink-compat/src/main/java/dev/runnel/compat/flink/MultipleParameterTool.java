package dev.runnel.compat.flink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flink's {@code MultipleParameterTool}: like {@link ParameterTool}, but a key may be given several times
 * ({@code --input a.txt --input b.txt}) and {@link #getMultiParameter} returns all its values. As job
 * parameters ({@link #toMap()}) a key keeps its last value.
 */
public class MultipleParameterTool extends AbstractParameterTool {
    private static final long serialVersionUID = 1L;

    private final Map<String, List<String>> data;

    private MultipleParameterTool(Map<String, ? extends Collection<String>> data) {
        super(data.keySet());
        Map<String, List<String>> copy = new LinkedHashMap<>();
        data.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        this.data = copy;
    }

    /** Parses {@code --key value} pairs; repeated keys collect their values in order. */
    public static MultipleParameterTool fromArgs(String[] args) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String key = keyAt(args, i);
            String value = valueAfter(args, i);
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(value == null ? NO_VALUE_KEY : value);
            i += value == null ? 1 : 2;
        }
        return new MultipleParameterTool(map);
    }

    public static MultipleParameterTool fromMultiMap(Map<String, ? extends Collection<String>> multiMap) {
        Objects.requireNonNull(multiMap, "Unable to initialize from empty map");
        return new MultipleParameterTool(multiMap);
    }

    @Override
    public int getNumberOfParameters() {
        return data.size();
    }

    /** The single value of {@code key}, null if it was not given; fails if it was given more than once. */
    @Override
    public String get(String key) {
        requested(key);
        List<String> values = data.get(key);
        if (values == null) {
            return null;
        }
        if (values.size() != 1) {
            throw new IllegalStateException("Key " + key + " should has only one value.");
        }
        return values.get(0);
    }

    @Override
    public boolean has(String key) {
        requested(key);
        return data.containsKey(key);
    }

    /** All values of {@code key} in the order given, or null if it was not given. */
    public Collection<String> getMultiParameter(String key) {
        requested(key);
        return data.get(key);
    }

    public Collection<String> getMultiParameterRequired(String key) {
        Collection<String> values = getMultiParameter(key);
        if (values == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return values;
    }

    public Map<String, Collection<String>> toMultiMap() {
        return java.util.Collections.unmodifiableMap(data);
    }

    /** Both tools' values; a key in both has this tool's values followed by {@code other}'s. */
    public MultipleParameterTool mergeWith(MultipleParameterTool other) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        data.forEach((key, values) -> merged.put(key, new ArrayList<>(values)));
        other.data.forEach((key, values) -> merged.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values));
        return new MultipleParameterTool(merged);
    }

    /** Each key with its last value, as Flink gives the job parameters. */
    @Override
    public Map<String, String> toMap() {
        Map<String, String> flat = new LinkedHashMap<>();
        data.forEach((key, values) -> flat.put(key, values.isEmpty() ? NO_VALUE_KEY : values.get(values.size() - 1)));
        return flat;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultipleParameterTool other && other.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }
}
