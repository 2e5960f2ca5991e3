package dev.runnel.api.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream and counts the bytes consumed, so that a reader can resume
 * at a line boundary by seeking to a byte offset instead of re-reading what came before. A line
 * ends at {@code \n}; a {@code \r} before it is dropped. Not thread-safe.
 */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long offset;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far: the offset at which the next line starts. */
    long offset() {
        return offset;
    }

    /** Skips {@code bytes} bytes of the stream (a seek for files): the next line starts there. */
    void skip(long bytes) throws IOException {
        int buffered = (int) Math.min(bytes, limit - position); // read ahead already
        position += buffered;
        long left = bytes - buffered;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("stream ends " + left + " bytes before offset " + bytes);
                }
                skipped = 1;
            }
            left -= skipped;
        }
        offset += bytes;
    }

    /** The next line without its terminator, or null at the end. */
    String readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? null : decode(length);
                }
            }
            int start = position;
            int end = limit;
            int i = start;
            while (i < end && buffer[i] != '\n') {
                i++;
            }
            int chunk = i - start;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            offset += chunk;
            position = i;
            if (i < end) {
                position++; // the \n
                offset++;
                return decode(length);
            }
        }
    }

    private String decode(int length) {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
