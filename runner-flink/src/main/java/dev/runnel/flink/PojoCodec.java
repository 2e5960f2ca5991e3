package dev.runnel.flink;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.BasicArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's POJO serializer for the record classes it suits, inside {@link AnySerializer}: a class
 * Flink's type extractor takes as a POJO (public fields or getters and setters, a no-argument
 * constructor; Java records too) whose fields are, all the way down, numbers, strings, booleans,
 * their arrays or such POJOs. Its instances are written as the class name and the fields, instead
 * of by Java serialization, which writes a class descriptor per record and costs several times more
 * on every shuffle (benchmarks/README.md, the Flink runner). Anything with a field Flink would hand
 * to Kryo (collections, other objects) stays with Java serialization: Kryo cannot rebuild Java
 * records on Java 17.
 *
 * <p>Lookups are cached per thread (Flink's task threads are long-lived) and by the thread's context
 * class loader, which Flink sets to the job's class loader in its tasks, so two jobs' classes of the
 * same name do not meet.
 */
final class PojoCodec {
    /** Classes with a Runnel {@code TypeSerializer} registered: the user's choice wins over Flink's POJO serializer. */
    static final Set<Class<?>> REGISTERED = ConcurrentHashMap.newKeySet();

    private static final ThreadLocal<Cache> CACHE = ThreadLocal.withInitial(Cache::new);

    private PojoCodec() {}

    /** Flink's serializer for {@code type} with the class's written name, or null when its values go by Java serialization. */
    static Pojo forClass(Class<?> type) {
        return CACHE.get().forClass(type);
    }

    /** Writes the class's name (as {@code writeUTF} does), then the value with Flink's serializer. */
    static void write(Object value, Pojo pojo, DataOutputView out) throws IOException {
        out.write(pojo.name());
        pojo.serializer().serialize(value, out);
    }

    static Object read(DataInputView in) throws IOException {
        return CACHE.get().read(in).serializer().deserialize(in);
    }

    /**
     * A class's serializer and its name as {@code writeUTF} writes it (length, then modified UTF-8).
     * The name is encoded once per class, and a reader compares the bytes it reads with the last
     * class's instead of decoding a string and hashing it for every record.
     */
    record Pojo(TypeSerializer<Object> serializer, byte[] name) {
        static Pojo of(Class<?> type, TypeSerializer<Object> serializer) {
            if (serializer == null) {
                return null;
            }
            try {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
                out.writeUTF(type.getName());
                out.flush();
                return new Pojo(serializer, bytes.toByteArray());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Whether {@code name[0..length)} is this class's name without its 2-byte length. */
        boolean named(byte[] encoded, int length) {
            return length == name.length - 2 && java.util.Arrays.equals(name, 2, name.length, encoded, 0, length);
        }
    }

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Object> create(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface() || REGISTERED.contains(type)) {
            return null;
        }
        TypeInformation<?> info;
        try {
            info = TypeExtractor.createTypeInfo(type);
        } catch (RuntimeException notAType) {
            return null;
        }
        if (!(info instanceof PojoTypeInfo<?> pojo) || !flat(pojo, 0)) {
            return null;
        }
        return (TypeSerializer<Object>) pojo.createSerializer(new SerializerConfigImpl());
    }

    /** Whether every field is a basic type, an array of one, or such a POJO (not too deeply nested to check). */
    private static boolean flat(PojoTypeInfo<?> pojo, int depth) {
        if (depth > 4) {
            return false;
        }
        for (int i = 0; i < pojo.getArity(); i++) {
            TypeInformation<?> field = pojo.getPojoFieldAt(i).getTypeInformation();
            boolean ok = field instanceof BasicTypeInfo<?> || field instanceof PrimitiveArrayTypeInfo<?>
                || field instanceof BasicArrayTypeInfo<?, ?> || field instanceof PojoTypeInfo<?> nested && flat(nested, depth + 1);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** One thread's serializers by class and by name, for the context class loader they were made under. */
    private static final class Cache {
        private final Map<Class<?>, Pojo> byClass = new HashMap<>();
        private final Map<String, Pojo> byName = new HashMap<>();
        private ClassLoader loader;
        /** The class read last, and a buffer for the names read. */
        private Pojo lastRead;
        private byte[] nameBuffer = new byte[64];

        private void checkLoader() {
            ClassLoader current = Thread.currentThread().getContextClassLoader();
            if (current != loader) {
                byClass.clear();
                byName.clear();
                lastRead = null;
                loader = current;
            }
        }

        Pojo forClass(Class<?> type) {
            if (byClass.containsKey(type)) {
                return byClass.get(type);
            }
            Pojo pojo = Pojo.of(type, create(type));
            byClass.put(type, pojo);
            return pojo;
        }

        /** Reads a class name as {@code readUTF} would, and returns its serializer. */
        Pojo read(DataInputView in) throws IOException {
            checkLoader();
            int length = in.readUnsignedShort();
            if (nameBuffer.length < length) {
                nameBuffer = new byte[Math.max(length, 2 * nameBuffer.length)];
            }
            in.readFully(nameBuffer, 0, length);
            if (lastRead == null || !lastRead.named(nameBuffer, length)) {
                byte[] encoded = new byte[length + 2];
                encoded[0] = (byte) (length >>> 8);
                encoded[1] = (byte) length;
                System.arraycopy(nameBuffer, 0, encoded, 2, length);
                lastRead = forName(new java.io.DataInputStream(new java.io.ByteArrayInputStream(encoded)).readUTF());
            }
            return lastRead;
        }

        private Pojo forName(String name) throws IOException {
            Pojo serializer = byName.get(name);
            if (serializer == null) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, loader != null ? loader : PojoCodec.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IOException("Cannot read a record of class " + name + ": not on the job's class path", e);
                }
                serializer = Pojo.of(type, create(type));
                if (serializer == null) {
                    throw new IOException("A record of class " + name + " was written with Flink's POJO serializer, which does not suit it here");
                }
                byName.put(name, serializer);
            }
            return serializer;
        }
    }
}
