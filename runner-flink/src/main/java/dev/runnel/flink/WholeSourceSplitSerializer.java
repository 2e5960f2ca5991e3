package dev.runnel.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Flink's checkpoint form of {@link WholeSourceSplit}s: a presence flag and the position bytes.
 * {@link #SPLIT} serializes one split (the reader's state), {@link #PENDING} a list of them (the
 * enumerator's state: the split not yet handed to a reader).
 */
final class WholeSourceSplitSerializer {
    private static final int VERSION = 1;

    static final SimpleVersionedSerializer<WholeSourceSplit> SPLIT = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(WholeSourceSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            write(split, new DataOutputStream(bytes));
            return bytes.toByteArray();
        }

        @Override
        public WholeSourceSplit deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            return read(new DataInputStream(new ByteArrayInputStream(serialized)));
        }
    };

    static final SimpleVersionedSerializer<List<WholeSourceSplit>> PENDING = new SimpleVersionedSerializer<>() {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(List<WholeSourceSplit> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(splits.size());
            for (WholeSourceSplit split : splits) {
                write(split, out);
            }
            out.flush();
            return bytes.toByteArray();
        }

        @Override
        public List<WholeSourceSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            int n = in.readInt();
            List<WholeSourceSplit> splits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                splits.add(read(in));
            }
            return splits;
        }
    };

    private WholeSourceSplitSerializer() {}

    private static void write(WholeSourceSplit split, DataOutputStream out) throws IOException {
        byte[] position = split.position();
        out.writeBoolean(position != null);
        if (position != null) {
            out.writeInt(position.length);
            out.write(position);
        }
        out.flush();
    }

    private static WholeSourceSplit read(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return WholeSourceSplit.fromStart();
        }
        byte[] position = new byte[in.readInt()];
        in.readFully(position);
        return new WholeSourceSplit(position);
    }

    private static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("A Runnel source split of format version " + version + " cannot be read; this runner reads version " + VERSION);
        }
    }
}
