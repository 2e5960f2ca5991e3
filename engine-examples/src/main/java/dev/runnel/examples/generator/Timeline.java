package dev.runnel.examples.generator;

import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Puts rows in event-time order: background actors and planted episodes both add rows (episodes
 * may add rows ahead of the current time); {@link #advanceTo} releases every row up to a time.
 * Ties keep insertion order.
 */
final class Timeline {
    private record Entry(Row row, long sequence) {}

    private final PriorityQueue<Entry> pending = new PriorityQueue<>((a, b) -> a.row.timestamp() != b.row.timestamp()
        ? Long.compare(a.row.timestamp(), b.row.timestamp()) : Long.compare(a.sequence, b.sequence));
    private final Consumer<Row> out;
    private long sequence;

    Timeline(Consumer<Row> out) {
        this.out = out;
    }

    void add(Row row) {
        pending.add(new Entry(row, sequence++));
    }

    void advanceTo(long time) {
        while (!pending.isEmpty() && pending.peek().row.timestamp() <= time) {
            out.accept(pending.poll().row);
        }
    }

    void flush() {
        advanceTo(Long.MAX_VALUE);
    }
}
