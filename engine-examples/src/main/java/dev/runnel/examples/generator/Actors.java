package dev.runnel.examples.generator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.PriorityQueue;

/**
 * Background actors (users, accounts, rules), each with the time of its next event; {@link #next}
 * hands out the actor whose turn it is. This gives every actor a realistic, controlled rhythm
 * (e.g. never two payments of one account within 11 s) while the file stays in event-time order.
 */
final class Actors {
    static final class Actor {
        final int id;
        long nextTime;

        Actor(int id, long nextTime) {
            this.id = id;
            this.nextTime = nextTime;
        }
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final PriorityQueue<Actor> queue = new PriorityQueue<>((a, b) -> a.nextTime != b.nextTime
        ? Long.compare(a.nextTime, b.nextTime) : Integer.compare(a.id, b.id));

    void add(Actor actor) {
        queue.add(actor);
    }

    /** The actor whose event is next; call {@link #reschedule} after emitting it. */
    Actor next() {
        return queue.poll();
    }

    void reschedule(Actor actor, long nextTime) {
        actor.nextTime = nextTime;
        queue.add(actor);
    }

    /** The CSV timestamp format of the examples: {@code yyyy-MM-dd HH:mm:ss}, UTC. */
    static String dateTime(long millis) {
        return DATE_TIME.format(Instant.ofEpochMilli(millis));
    }

    /** Uniform in [min, max). */
    static long between(java.util.Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }

    /** Rounds money to cents. */
    static double money(double amount) {
        return Math.round(amount * 100) / 100.0;
    }
}
