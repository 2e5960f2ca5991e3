package dev.runnel.cep.pattern;

/** What a {@code within} interval bounds. */
public enum WithinType {
    /** The time between the first and the last event of a match (the default). */
    FIRST_AND_LAST,
    /** The time between an event of this stage and the event taken just before it. */
    PREVIOUS_AND_CURRENT
}
