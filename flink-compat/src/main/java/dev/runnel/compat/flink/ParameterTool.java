package dev.runnel.compat.flink;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Flink's {@code ParameterTool}: program arguments ({@code --input words.txt --window 10}), a properties
 * file or the system properties as typed key/value pairs. Set it as the job's global parameters with
 * {@code env.getConfig().setGlobalJobParameters(params)}. A key given twice keeps its last value.
 */
public class ParameterTool extends AbstractParameterTool {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> data;

    private ParameterTool(Map<String, String> data) {
        super(data.keySet());
        this.data = Map.copyOf(data);
    }

    /** Parses {@code --key value} and {@code -key value} pairs; a key without a value holds {@link #NO_VALUE_KEY}. */
    public static ParameterTool fromArgs(String[] args) {
        Map<String, String> map = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String key = keyAt(args, i);
            String value = valueAfter(args, i);
            map.put(key, value == null ? NO_VALUE_KEY : value);
            i += value == null ? 1 : 2;
        }
        return new ParameterTool(map);
    }

    public static ParameterTool fromMap(Map<String, String> map) {
        Objects.requireNonNull(map, "Unable to initialize from empty map");
        return new ParameterTool(map);
    }

    public static ParameterTool fromPropertiesFile(String path) throws IOException {
        return fromPropertiesFile(new File(path));
    }

    public static ParameterTool fromPropertiesFile(File file) throws IOException {
        if (!file.exists()) {
            throw new FileNotFoundException("Properties file " + file.getAbsolutePath() + " does not exist");
        }
        try (FileInputStream in = new FileInputStream(file)) {
            return fromPropertiesFile(in);
        }
    }

    public static ParameterTool fromPropertiesFile(InputStream inputStream) throws IOException {
        Properties properties = new Properties();
        properties.load(inputStream);
        return fromProperties(properties);
    }

    public static ParameterTool fromSystemProperties() {
        return fromProperties(System.getProperties());
    }

    private static ParameterTool fromProperties(Properties properties) {
        Map<String, String> map = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return new ParameterTool(map);
    }

    @Override
    public int getNumberOfParameters() {
        return data.size();
    }

    @Override
    public String get(String key) {
        requested(key);
        return data.get(key);
    }

    @Override
    public boolean has(String key) {
        requested(key);
        return data.containsKey(key);
    }

    /** This tool's parameters overridden by {@code other}'s. */
    public ParameterTool mergeWith(ParameterTool other) {
        Map<String, String> merged = new HashMap<>(data);
        merged.putAll(other.data);
        return new ParameterTool(merged);
    }

    @Override
    public Map<String, String> toMap() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterTool other && other.data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }
}
