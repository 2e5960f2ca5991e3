package dev.runnel.api.typeinfo;

import dev.runnel.checkpoint.TypeSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Java serialization, length-prefixed: what {@link TypeInformation#createSerializer} returns. */
final class JavaSerializer<T> implements TypeSerializer<T>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    JavaSerializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public void serialize(T value, DataOutput out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(value);
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    @Override
    public T deserialize(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(objects.readObject());
        } catch (ClassNotFoundException e) {
            throw new InvalidObjectException("Cannot read a " + type.getName() + ": " + e.getMessage());
        }
    }
}
