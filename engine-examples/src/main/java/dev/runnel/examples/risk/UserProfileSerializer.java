package dev.runnel.examples.risk;

import dev.runnel.checkpoint.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import org.agrona.collections.LongArrayList;

/**
 * Checkpoints S2's per-user profile, which is not Serializable (and holds Agrona lists): registered
 * on the environment by the {@code risk} command and the crash-and-restore test, as a user registers
 * a serializer for state that is not Serializable. Reads and writes the profile's fields by
 * reflection, so that the example's code stays as it is.
 */
public final class UserProfileSerializer implements TypeSerializer<Object> {
    public static final Class<?> TYPE = UserProfile.class;

    @Override
    @SuppressWarnings("unchecked")
    public void serialize(Object value, DataOutput out) throws IOException {
        try {
            for (Field f : fields()) {
                Object v = f.get(value);
                if (v instanceof VelocityWindows w) {
                    Map<TransactionType, LongArrayList> times = (Map<TransactionType, LongArrayList>) times().get(w);
                    out.writeInt(times.size());
                    for (Map.Entry<TransactionType, LongArrayList> e : times.entrySet()) {
                        out.writeUTF(e.getKey().name());
                        long[] t = e.getValue().toLongArray();
                        out.writeInt(t.length);
                        for (long x : t) {
                            out.writeLong(x);
                        }
                    }
                } else {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                        oos.writeObject(v); // boxed primitives, arrays, RunningStats
                    }
                    out.writeInt(bytes.size());
                    out.write(bytes.toByteArray());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object deserialize(DataInput in) throws IOException {
        UserProfile p = new UserProfile();
        try {
            for (Field f : fields()) {
                if (f.getType() == VelocityWindows.class) {
                    Map<TransactionType, LongArrayList> times = (Map<TransactionType, LongArrayList>) times().get(f.get(p));
                    for (int n = in.readInt(); n > 0; n--) {
                        TransactionType type = TransactionType.valueOf(in.readUTF());
                        LongArrayList list = new LongArrayList();
                        for (int i = in.readInt(); i > 0; i--) {
                            list.addLong(in.readLong());
                        }
                        times.put(type, list);
                    }
                } else {
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                        f.set(p, ois.readObject());
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IOException(e);
        }
        return p;
    }

    private static java.util.List<Field> fields() {
        java.util.List<Field> fields = new java.util.ArrayList<>();
        for (Field f : UserProfile.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                fields.add(f);
            }
        }
        return fields;
    }

    private static Field times() throws NoSuchFieldException {
        Field f = VelocityWindows.class.getDeclaredField("times");
        f.setAccessible(true);
        return f;
    }
}
