package dev.runnel.api.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a byte stream and counts the bytes consumed, so that a source can resume
 * at a line boundary by seeking to a byte offset instead of re-reading what came before, and can
 * say where a bad line starts. A line ends at {@code \n}; a {@code \r} before it is dropped, and so
 * is a UTF-8 byte order mark at the start of the stream.
 *
 * <p>Each line is decoded on its own with a {@link CharsetDecoder} that reports malformed input
 * ({@link CodingErrorAction#REPORT}) instead of replacing it: a line that is not valid UTF-8 throws
 * {@link MalformedLineException} (the line is consumed; the next call reads the next line), so a
 * stray byte costs one line, never the rest of the input, and U+FFFD never enters a value silently.
 * Lines of ASCII bytes only, which cannot be malformed, skip the decoder. Not thread-safe.
 */
public final class LineReader implements AutoCloseable {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int RETAINED_BYTES = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private ByteBuffer lineBytes = ByteBuffer.wrap(line);
    private CharBuffer chars = CharBuffer.allocate(256);
    private long offset;
    private long lineOffset;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far: the offset at which the next line starts. */
    public long offset() {
        return offset;
    }

    /** The byte offset at which the line last read (or rejected as malformed) starts. */
    public long lineOffset() {
        return lineOffset;
    }

    /** Skips {@code bytes} bytes of the stream (a seek for files): the next line starts there. */
    public void skip(long bytes) throws IOException {
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

    /**
     * The next line without its terminator, or null at the end.
     *
     * @throws MalformedLineException if the line is not valid UTF-8; the line is consumed
     */
    public String readLine() throws IOException {
        if (line.length > RETAINED_BYTES) {
            // one 10 MB line should not pin 30 MB of buffers for the rest of the input
            line = new byte[256];
            lineBytes = ByteBuffer.wrap(line);
            chars = CharBuffer.allocate(256);
        }
        lineOffset = offset;
        int length = 0;
        int highBits = 0; // OR of the line's bytes: negative iff a byte is not ASCII
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return length == 0 ? null : decode(length, highBits);
                }
            }
            byte[] buf = buffer;
            int start = position;
            int end = limit;
            int i = start;
            byte b;
            while (i < end && (b = buf[i]) != '\n') {
                highBits |= b;
                i++;
            }
            int chunk = i - start;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                lineBytes = ByteBuffer.wrap(line);
            }
            System.arraycopy(buf, start, line, length, chunk);
            length += chunk;
            offset += chunk;
            position = i;
            if (i < end) {
                position++; // the \n
                offset++;
                return decode(length, highBits);
            }
        }
    }

    private String decode(int length, int highBits) throws MalformedLineException {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (highBits >= 0) {
            // ASCII is valid UTF-8 and maps byte for byte; this is the fast path for most lines
            return new String(line, 0, length, StandardCharsets.ISO_8859_1);
        }
        int start = lineOffset == 0 && startsWithBom(length) ? BOM.length : 0;
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(chars.capacity() * 2, length));
        }
        lineBytes.limit(length).position(start);
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(lineBytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int bad = lineBytes.position();
            throw new MalformedLineException(lineOffset, bad, line[bad] & 0xFF, Utf8Escaper.escape(line, length));
        }
        return new String(chars.array(), 0, chars.position());
    }

    private boolean startsWithBom(int length) {
        return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
