package dev.runnel.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of one checkpoint: magic, format version, checkpoint id, payload length, the
 * payload, and a CRC32C over everything before it. Reading verifies all of these, so a truncated
 * file, a flipped byte or a file written by an incompatible version is refused with a message that
 * says which.
 */
final class CheckpointFile {
    static final int MAGIC = 0x524E4350; // "RNCP"
    /** 3: a source snapshot also holds the watermark steps it has still to take (WatermarkPacer). */
    static final int FORMAT_VERSION = 3;
    private static final int HEADER = 4 + 4 + 8 + 4;
    private static final int TRAILER = 4;

    private CheckpointFile() {}

    static byte[] encode(long checkpointId, byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length + TRAILER);
        buf.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(checkpointId).putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /** Writes {@code bytes} to {@code file} and forces them to disk before returning. */
    static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    static Checkpoint read(Path file) throws IOException, CheckpointFormatException {
        byte[] bytes = Files.readAllBytes(file);
        String where = "Checkpoint file " + file;
        if (bytes.length < HEADER + TRAILER) {
            throw new CheckpointFormatException(where + " is truncated: " + bytes.length + " bytes, shorter than the "
                + (HEADER + TRAILER) + "-byte header and checksum");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        if (magic != MAGIC) {
            throw new CheckpointFormatException(where + " is not a Runnel checkpoint (magic 0x"
                + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC) + ")");
        }
        int version = buf.getInt();
        long id = buf.getLong();
        int length = buf.getInt();
        if (length < 0 || bytes.length != HEADER + length + TRAILER) {
            throw new CheckpointFormatException(where + " is truncated or has trailing garbage: header announces "
                + length + " payload bytes, the file holds " + (bytes.length - HEADER - TRAILER));
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, HEADER + length);
        int expected = ByteBuffer.wrap(bytes, HEADER + length, TRAILER).getInt();
        if ((int) crc.getValue() != expected) {
            throw new CheckpointFormatException(where + " is corrupted: CRC32C 0x" + Integer.toHexString((int) crc.getValue())
                + " does not match the stored 0x" + Integer.toHexString(expected));
        }
        // checked after the checksum, so that a damaged version field reads as corruption, not as a version
        if (version != FORMAT_VERSION) {
            throw new CheckpointFormatException(where + " has format version " + version
                + "; this Runnel reads version " + FORMAT_VERSION);
        }
        byte[] payload = new byte[length];
        buf.get(payload);
        return new Checkpoint(id, file, payload);
    }
}
