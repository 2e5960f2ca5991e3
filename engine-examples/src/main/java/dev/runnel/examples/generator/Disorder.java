package dev.runnel.examples.generator;

import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Turns rows in event-time order into rows in delivery order: each row is delivered a random delay
 * of at most {@code disorder} after its event time, and a fraction {@code lateRate} of background
 * rows {@code lateBy} later still. Rows wait in a queue ordered by delivery time, so memory holds
 * only the rows in flight.
 */
final class Disorder implements Consumer<Row> {
    private record InFlight(long deliverAt, long sequence, Row row) {}

    private final PriorityQueue<InFlight> inFlight = new PriorityQueue<>((a, b) -> a.deliverAt != b.deliverAt
        ? Long.compare(a.deliverAt, b.deliverAt) : Long.compare(a.sequence, b.sequence));
    private final Random random;
    private final long disorderMillis;
    private final double lateRate;
    private final long lateByMillis;
    private final Consumer<Row> out;
    private long sequence;
    long lateRows;

    Disorder(GeneratorConfig config, Random random, Consumer<Row> out) {
        this.random = random;
        this.disorderMillis = config.disorder().toMillis();
        this.lateRate = config.lateRate();
        this.lateByMillis = config.lateBy().toMillis();
        this.out = out;
    }

    @Override
    public void accept(Row row) {
        long delay = disorderMillis > 0 ? (long) (random.nextDouble() * disorderMillis) : 0;
        if (!row.planted() && lateRate > 0 && random.nextDouble() < lateRate) {
            delay += disorderMillis + lateByMillis;
            lateRows++;
        }
        // every row in flight that is due before this row's event time goes out first
        while (!inFlight.isEmpty() && inFlight.peek().deliverAt <= row.timestamp()) {
            out.accept(inFlight.poll().row);
        }
        inFlight.add(new InFlight(row.timestamp() + delay, sequence++, row));
    }

    void flush() {
        while (!inFlight.isEmpty()) {
            out.accept(inFlight.poll().row);
        }
    }
}
