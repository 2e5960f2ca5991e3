package dev.runnel.api.source;

import java.io.IOException;

/**
 * A line that is not valid UTF-8, from {@link LineReader#readLine()}. The line has been consumed;
 * the exception says where it starts, which byte is wrong, and carries the line's text with every
 * undecodable byte written as {@code \xNN} (at most {@link DeadLetter#MAX_TEXT} characters), so a
 * source can turn it into a {@link DeadLetter} and go on.
 */
public final class MalformedLineException extends IOException {
    private final long lineOffset;
    private final long errorOffset;
    private final String escapedLine;

    MalformedLineException(long lineOffset, int indexInLine, int badByte, String escapedLine) {
        super(String.format("not valid UTF-8: byte 0x%02X at offset %d (byte %d of the line)",
            badByte, lineOffset + indexInLine, indexInLine + 1));
        this.lineOffset = lineOffset;
        this.errorOffset = lineOffset + indexInLine;
        this.escapedLine = escapedLine;
    }

    /** Byte offset in the input at which the line starts. */
    public long lineOffset() {
        return lineOffset;
    }

    /** Byte offset in the input of the first byte that is not valid UTF-8. */
    public long errorOffset() {
        return errorOffset;
    }

    /** The line as text, each undecodable byte written as {@code \xNN}, cut at {@link DeadLetter#MAX_TEXT} characters. */
    public String escapedLine() {
        return escapedLine;
    }

    /** One bad line is routine input, not a bug: the stack trace would cost more than it tells. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
