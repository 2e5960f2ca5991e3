package dev.runnel.metrics.prometheus;

import java.nio.charset.StandardCharsets;

/**
 * The little JSON {@code /jobs} needs, written straight into a buffer: objects, arrays, strings, numbers and
 * booleans, with commas placed by tracking whether the current container has a member yet. Written by hand
 * rather than with a JSON library because the endpoint shares the job's CPU: a data-binding library's start-up
 * (hundreds of classes, reflection over the records) cost a running job more than every later request together.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder(4096);
    /** Per open container: whether it has a member already (bit set), deepest in the lowest bit. */
    private long hasMember;
    private boolean afterName;

    JsonWriter beginObject() {
        open('{');
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        open('[');
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    JsonWriter value(long n) {
        separate();
        out.append(n);
        return this;
    }

    /** Non-finite numbers have no JSON form: they are written as null. */
    JsonWriter value(double d) {
        separate();
        if (Double.isFinite(d)) {
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        } else {
            out.append("null");
        }
        return this;
    }

    JsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void open(char c) {
        separate();
        out.append(c);
        hasMember <<= 1;
    }

    private JsonWriter close(char c) {
        out.append(c);
        hasMember >>>= 1;
        return this;
    }

    /** Before a member: a comma unless it is the container's first, or a value right after its name. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if ((hasMember & 1) != 0) {
            out.append(',');
        }
        hasMember |= 1;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
