package dev.runnel.compat.flink;

import dev.runnel.api.ExecutionConfig;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The typed getters {@link ParameterTool} and {@link MultipleParameterTool} share, with Flink's
 * behaviour: a key given without a value holds {@link #NO_VALUE_KEY}; {@code getRequired} and the
 * getters without a default fail with "No data for required key 'k'" when the key is missing.
 */
public abstract class AbstractParameterTool extends ExecutionConfig.GlobalJobParameters {
    private static final long serialVersionUID = 1L;

    /** The value of a key given without one, e.g. {@code --verbose}. */
    public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";

    /** Decimal or hexadecimal numbers, which may follow a key as its value even when negative ("-1"). */
    private static final Pattern NUMBER =
        Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?[dDfFlL]?|[-+]?0[xX][0-9a-fA-F]+");

    /** Keys not read yet, as Flink tracks them (for {@link #getUnrequestedParameters()}). */
    private final Set<String> unrequested = Collections.newSetFromMap(new ConcurrentHashMap<>());

    protected AbstractParameterTool(Set<String> keys) {
        unrequested.addAll(keys);
    }

    public abstract int getNumberOfParameters();

    /** The value of {@code key}, or null when it was not given. */
    public abstract String get(String key);

    public abstract boolean has(String key);

    protected void requested(String key) {
        unrequested.remove(key);
    }

    /** The keys that no getter has read yet. */
    public Set<String> getUnrequestedParameters() {
        return Collections.unmodifiableSet(unrequested);
    }

    public String get(String key, String defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    public String getRequired(String key) {
        String value = get(key);
        if (value == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return value;
    }

    public int getInt(String key) {
        return Integer.parseInt(getRequired(key));
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    public long getLong(String key) {
        return Long.parseLong(getRequired(key));
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    public float getFloat(String key) {
        return Float.parseFloat(getRequired(key));
    }

    public float getFloat(String key, float defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Float.parseFloat(value);
    }

    public double getDouble(String key) {
        return Double.parseDouble(getRequired(key));
    }

    public double getDouble(String key, double defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Double.parseDouble(value);
    }

    /** {@code true} only for the value "true" (any case), as {@code Boolean.valueOf}; a bare {@code --flag} is false, as in Flink. */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(getRequired(key));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    public short getShort(String key) {
        return Short.parseShort(getRequired(key));
    }

    public short getShort(String key, short defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Short.parseShort(value);
    }

    public byte getByte(String key) {
        return Byte.parseByte(getRequired(key));
    }

    public byte getByte(String key, byte defaultValue) {
        String value = get(key);
        return value == null ? defaultValue : Byte.parseByte(value);
    }

    /** The parameters as {@link Properties}. */
    public Properties getProperties() {
        Properties properties = new Properties();
        properties.putAll(toMap());
        return properties;
    }

    @Override
    public abstract Map<String, String> toMap();

    /** The key of {@code args[index]}, which must start with "-" or "--". */
    static String keyAt(String[] args, int index) {
        String arg = args[index];
        String key;
        if (arg.startsWith("--")) {
            key = arg.substring(2);
        } else if (arg.startsWith("-")) {
            key = arg.substring(1);
        } else {
            throw new IllegalArgumentException("Error parsing arguments '" + Arrays.toString(args) + "' on '"
                + arg + "'. Please prefix keys with -- or -.");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("The input " + Arrays.toString(args) + " contains an empty argument");
        }
        return key;
    }

    /**
     * The value following the key at {@code keyIndex}, or null when the next argument is another key or
     * there is none. A number is always a value, so {@code --offset -3} works.
     */
    static String valueAfter(String[] args, int keyIndex) {
        int i = keyIndex + 1;
        if (i >= args.length) {
            return null;
        }
        String next = args[i];
        if (NUMBER.matcher(next).matches() || !next.startsWith("-")) {
            return next;
        }
        return null;
    }
}
