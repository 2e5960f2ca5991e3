package dev.runnel.api.source;

/** What a {@link Source#poll} call left behind. */
public enum SourceStatus {
    /** More records can be read right away. */
    MORE_AVAILABLE,
    /** Nothing to read now (an unbounded source waiting for data); the runtime backs off briefly. */
    NOTHING_AVAILABLE,
    /** The source is exhausted; the runtime sends the final watermark and end of input. */
    END_OF_INPUT
}
