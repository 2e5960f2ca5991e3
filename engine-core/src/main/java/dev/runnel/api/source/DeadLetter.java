package dev.runnel.api.source;

import dev.runnel.api.OutputTag;

/** A row a source could not turn into a record: where it was, what it said, and why it failed. */
public record DeadLetter(String source, long line, String raw, String reason) {
    /** The side output of every source's dead letters: {@code stream.getSideOutput(DeadLetter.TAG)}. */
    public static final OutputTag<DeadLetter> TAG = OutputTag.of("dead-letters", DeadLetter.class);

    @Override
    public String toString() {
        return source + ":" + line + ": " + reason + " [" + raw + "]";
    }
}
