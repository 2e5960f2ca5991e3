package dev.runnel.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How state values are written to checkpoints: with a {@link TypeSerializer} registered for the
 * value's exact class, numbers, strings and primitive arrays directly, otherwise with Java
 * serialization (which covers enums, the JDK collections and java.time types) extended to records
 * that are not Serializable (by their components, {@link RecordStreams}). Used at checkpoint time
 * only. A value that none of these can write fails with a {@link StateSerializationException}
 * naming the state and the offending type.
 */
public final class StateSerializers {
    private static final byte NULL = 0;
    private static final byte JAVA = 1;
    private static final byte REGISTERED = 2;
    // the commonest keys and values, written directly: Java serialization costs a stream and a class
    // descriptor per value, which dominates checkpoints of many small keys (W1: 10 000 keys per slice)
    private static final byte LONG = 3;
    private static final byte INT = 4;
    private static final byte STRING = 5;
    private static final byte DOUBLE = 6;
    // primitive arrays: the usual accumulators of aggregate functions
    private static final byte LONG_ARRAY = 7;
    private static final byte DOUBLE_ARRAY = 8;
    private static final byte INT_ARRAY = 9;

    private final Map<String, TypeSerializer<?>> byClassName = new ConcurrentHashMap<>();
    /** The class name as writeUTF writes it, encoded once: registered types are written millions of times per checkpoint. */
    private final Map<Class<?>, byte[]> encodedNames = new ConcurrentHashMap<>();

    public <T> StateSerializers register(Class<T> type, TypeSerializer<T> serializer) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(serializer, "serializer");
        byClassName.put(type.getName(), serializer);
        return this;
    }

    /** Writes {@code value} of the state {@code stateName} (used in error messages). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(String stateName, Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
            return;
        }
        TypeSerializer s = byClassName.get(value.getClass().getName());
        if (s == null && writeCommon(value, out)) {
            return;
        }
        if (s != null) {
            out.writeByte(REGISTERED);
            out.write(encodedNames.computeIfAbsent(value.getClass(), StateSerializers::encodeName));
            s.serialize(value, out);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new RecordStreams.Out(bytes)) {
            oos.writeObject(value);
        } catch (NotSerializableException e) {
            throw new StateSerializationException("Cannot checkpoint state '" + stateName + "': its value of type "
                + value.getClass().getName() + " contains " + e.getMessage() + ", which is not java.io.Serializable; "
                + "make it Serializable or register a TypeSerializer for it", e);
        }
        out.writeByte(JAVA);
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    private static byte[] encodeName(Class<?> type) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.DataOutputStream data = new java.io.DataOutputStream(bytes)) {
            data.writeUTF(type.getName());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private boolean writeCommon(Object value, DataOutput out) throws IOException {
        Class<?> type = value.getClass();
        if (type == Long.class) {
            out.writeByte(LONG);
            out.writeLong((Long) value);
        } else if (type == Integer.class) {
            out.writeByte(INT);
            out.writeInt((Integer) value);
        } else if (type == Double.class) {
            out.writeByte(DOUBLE);
            out.writeDouble((Double) value);
        } else if (type == long[].class) {
            long[] a = (long[]) value;
            out.writeByte(LONG_ARRAY);
            out.writeInt(a.length);
            for (long x : a) {
                out.writeLong(x);
            }
        } else if (type == double[].class) {
            double[] a = (double[]) value;
            out.writeByte(DOUBLE_ARRAY);
            out.writeInt(a.length);
            for (double x : a) {
                out.writeDouble(x);
            }
        } else if (type == int[].class) {
            int[] a = (int[]) value;
            out.writeByte(INT_ARRAY);
            out.writeInt(a.length);
            for (int x : a) {
                out.writeInt(x);
            }
        } else if (type == String.class && ((String) value).length() < 16_384) {
            out.writeByte(STRING);
            out.writeUTF((String) value); // modified UTF-8: at most 3 bytes a char, within writeUTF's 64 KB
        } else {
            return false;
        }
        return true;
    }

    public Object read(String stateName, DataInput in) throws IOException {
        byte kind = in.readByte();
        switch (kind) {
            case NULL:
                return null;
            case LONG:
                return in.readLong();
            case INT:
                return in.readInt();
            case DOUBLE:
                return in.readDouble();
            case STRING:
                return in.readUTF();
            case LONG_ARRAY: {
                long[] a = new long[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readLong();
                }
                return a;
            }
            case DOUBLE_ARRAY: {
                double[] a = new double[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readDouble();
                }
                return a;
            }
            case INT_ARRAY: {
                int[] a = new int[in.readInt()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = in.readInt();
                }
                return a;
            }
            case REGISTERED: {
                String type = in.readUTF();
                TypeSerializer<?> s = byClassName.get(type);
                if (s == null) {
                    throw new StateSerializationException("Cannot restore state '" + stateName + "': it was written with a "
                        + "TypeSerializer for " + type + ", and none is registered now", null);
                }
                return s.deserialize(in);
            }
            case JAVA: {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                try (ObjectInputStream ois = new RecordStreams.In(new ByteArrayInputStream(bytes))) {
                    return ois.readObject();
                } catch (ClassNotFoundException | java.io.InvalidClassException e) {
                    throw new StateSerializationException("Cannot restore state '" + stateName + "': " + e.getMessage()
                        + " (the state's type changed or is missing since the checkpoint)", e);
                }
            }
            default:
                throw new IOException("Unknown value tag " + kind + " in state '" + stateName + "'");
        }
    }
}
