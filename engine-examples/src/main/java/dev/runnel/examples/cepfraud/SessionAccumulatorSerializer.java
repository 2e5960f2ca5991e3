package dev.runnel.examples.cepfraud;

import dev.runnel.checkpoint.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * Checkpoints S3's session accumulator, which is not Serializable: registered on the environment
 * by the {@code cepfraud} command and the crash-and-restore test, as a user registers a serializer
 * for state that is not Serializable (in this package for the accumulator's package-private fields).
 */
public final class SessionAccumulatorSerializer implements TypeSerializer<Object> {
    public static final Class<?> TYPE = SessionAccumulator.class;

    @Override
    public void serialize(Object value, DataOutput out) throws IOException {
        SessionAccumulator a = (SessionAccumulator) value;
        out.writeLong(a.events);
        out.writeLong(a.first);
        out.writeLong(a.last);
        out.writeInt(a.pages.size());
        for (String page : a.pages) {
            out.writeUTF(page);
        }
        out.writeInt(a.byType.size());
        for (Map.Entry<String, Long> e : a.byType.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    @Override
    public Object deserialize(DataInput in) throws IOException {
        SessionAccumulator a = new SessionAccumulator();
        a.events = in.readLong();
        a.first = in.readLong();
        a.last = in.readLong();
        for (int n = in.readInt(); n > 0; n--) {
            a.pages.add(in.readUTF());
        }
        for (int n = in.readInt(); n > 0; n--) {
            a.byType.put(in.readUTF(), in.readLong());
        }
        return a;
    }
}
