package dev.runnel.flink;

import dev.runnel.checkpoint.StateSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes any value the way Runnel's checkpoints do ({@link StateSerializers}): numbers and strings
 * directly, everything else by Java serialization that also takes records which are not
 * {@code Serializable}; except instances of classes Flink's POJO serializer suits, which it writes
 * ({@link PojoCodec}). Used for records on the wire, keys and state in Flink's backend.
 */
public final class AnySerializer extends TypeSerializerSingleton<Object> {
    private static final long serialVersionUID = 1L;
    public static final AnySerializer INSTANCE = new AnySerializer();
    /** The first byte of every value: how the rest is written. */
    private static final byte RUNNEL = 0;
    private static final byte POJO = 1;
    /**
     * One codec for the JVM: Flink builds serializers from type information without a job at hand,
     * so the {@code TypeSerializer}s a job registered on its environment are added here when it is
     * translated (a class registered by two jobs with different serializers: the later one wins).
     */
    private static final StateSerializers CODEC = new StateSerializers();

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void register(java.util.Map<Class<?>, dev.runnel.checkpoint.TypeSerializer<?>> serializers) {
        serializers.forEach((type, serializer) -> {
            PojoCodec.REGISTERED.add(type);
            CODEC.register((Class) type, (dev.runnel.checkpoint.TypeSerializer) serializer);
        });
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public Object createInstance() {
        return null;
    }

    @Override
    public Object copy(Object from) {
        if (from == null || from instanceof String || from instanceof Number || from instanceof Boolean || from instanceof Enum<?>) {
            return from;
        }
        // a deep copy: Flink copies values it hands to state or to a second consumer when object reuse is off
        PojoCodec.Pojo pojo = PojoCodec.forClass(from.getClass());
        if (pojo != null) {
            return pojo.serializer().copy(from);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CODEC.write("copy", from, new DataOutputStream(bytes));
            return CODEC.read("copy", new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object copy(Object from, Object reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Object record, DataOutputView target) throws IOException {
        PojoCodec.Pojo pojo = record == null ? null : PojoCodec.forClass(record.getClass());
        if (pojo != null) {
            target.writeByte(POJO);
            PojoCodec.write(record, pojo, target);
        } else {
            target.writeByte(RUNNEL);
            CODEC.write("record", record, target);
        }
    }

    @Override
    public Object deserialize(DataInputView source) throws IOException {
        byte format = source.readByte();
        return switch (format) {
            case RUNNEL -> CODEC.read("record", source);
            case POJO -> PojoCodec.read(source);
            default -> throw new IOException("Unknown record format " + format + " (written by another version of the runner?)");
        };
    }

    @Override
    public Object deserialize(Object reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<Object> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the singleton: the encoding has no parameters. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Object> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
