package dev.runnel.cep.nfa;

/**
 * A run of the automaton for one key (Flink's ComputationState): the state it waits in, its path of
 * taken events, and the times its {@code within} bounds are measured from.
 */
final class PartialMatch {
    NfaState state;
    /** Last taken event; holds one reference. Null only for the start run. */
    PathNode node;
    long startTimestamp;
    long startSeq;
    long previousTimestamp;
    /** For a completed match waiting to be emitted: its timestamp (completing event, or expiry of a trailing NOT). */
    long matchTimestamp;

    PartialMatch(NfaState state, PathNode node, long startTimestamp, long startSeq, long previousTimestamp) {
        this.state = state;
        this.node = node;
        this.startTimestamp = startTimestamp;
        this.startSeq = startSeq;
        this.previousTimestamp = previousTimestamp;
    }
}
