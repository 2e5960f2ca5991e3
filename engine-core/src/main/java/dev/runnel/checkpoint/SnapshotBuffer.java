package dev.runnel.checkpoint;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An unsynchronized growable byte buffer to write an operator's snapshot into. A snapshot of many
 * small entries makes several small writes per entry; on a {@link java.io.ByteArrayOutputStream}
 * each one takes its lock, which costs as much as the encoding itself. The finished bytes go to the
 * checkpoint's stream in one write.
 */
public final class SnapshotBuffer extends OutputStream {
    private byte[] bytes = new byte[8_192];
    private int size;
    private final DataOutputStream data = new DataOutputStream(this);

    /** Where to write the snapshot. */
    public DataOutputStream data() {
        return data;
    }

    @Override
    public void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, size * 2);
        }
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (size + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    public int size() {
        return size;
    }

    /** Appends what was written, as it is (no length): the reader reads it as if written to {@code out} directly. */
    public void copyTo(DataOutput out) throws IOException {
        out.write(bytes, 0, size);
    }
}
