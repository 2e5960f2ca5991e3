package dev.runnel.api.source;

import dev.runnel.api.OutputTag;

/**
 * A row a source could not turn into a record: where it was, what it said, and why it failed.
 *
 * <p>Size cap: {@code raw} and {@code reason} keep at most {@link #MAX_TEXT} (1024) characters each;
 * longer text is cut there and ends with {@code "... (N more chars)"}, so a 10 MB line that fails
 * costs a dead letter of about 2 KB, not 10 MB per output.
 *
 * @param source the input's name (a file path)
 * @param line the 1-based line number
 * @param offset the byte offset in the input at which the line starts, or -1 if the source does not know
 * @param raw the row's text; bytes that are not valid UTF-8 are written as {@code \xNN}
 * @param reason why the row was rejected
 */
public record DeadLetter(String source, long line, long offset, String raw, String reason) {
    /** The side output of every source's dead letters: {@code stream.getSideOutput(DeadLetter.TAG)}. */
    public static final OutputTag<DeadLetter> TAG = OutputTag.of("dead-letters", DeadLetter.class);

    /** How many characters of {@code raw} and of {@code reason} a dead letter keeps. */
    public static final int MAX_TEXT = 1024;

    public DeadLetter {
        raw = cap(raw);
        reason = cap(reason);
    }

    /** A dead letter whose byte offset is unknown (-1). */
    public DeadLetter(String source, long line, String raw, String reason) {
        this(source, line, -1, raw, reason);
    }

    static String cap(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT; // keep pairs whole
        return text.substring(0, end) + "... (" + (text.length() - end) + " more chars)";
    }

    /**
     * {@code source:line: reason [raw]}, the form compilers use, so that editors and grep find the
     * line; the byte offset is a field (and in JSON output), and an encoding error's reason names
     * the offset of the bad byte.
     */
    @Override
    public String toString() {
        return source + ":" + line + ": " + reason + " [" + raw + "]";
    }
}
