package dev.runnel.cep.nfa;

/** An event held by the shared buffer: the record, its timestamp and its per-key arrival sequence number. */
final class EventEntry {
    final Object event;
    final long timestamp;
    final long seq;
    int refs;

    EventEntry(Object event, long timestamp, long seq) {
        this.event = event;
        this.timestamp = timestamp;
        this.seq = seq;
    }
}
