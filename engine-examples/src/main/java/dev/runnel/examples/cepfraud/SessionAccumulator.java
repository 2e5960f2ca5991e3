package dev.runnel.examples.cepfraud;

import dev.runnel.api.functions.AggregateFunction;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/** One user's events in one session window, counted incrementally for {@link SessionSummary}. */
final class SessionAccumulator {
    long events;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    final Set<String> pages = new HashSet<>();
    final TreeMap<String, Long> byType = new TreeMap<>();

    void add(UserEvent e) {
        events++;
        first = Math.min(first, e.timestamp());
        last = Math.max(last, e.timestamp());
        if (!e.page().isEmpty()) {
            pages.add(e.page());
        }
        byType.merge(e.eventType(), 1L, Long::sum);
    }

    SessionAccumulator merge(SessionAccumulator other) {
        events += other.events;
        first = Math.min(first, other.first);
        last = Math.max(last, other.last);
        pages.addAll(other.pages);
        other.byType.forEach((type, n) -> byType.merge(type, n, Long::sum));
        return this;
    }

    /** The window's {@link AggregateFunction}: one accumulator per user and window. */
    static final class Aggregate implements AggregateFunction<UserEvent, SessionAccumulator, SessionAccumulator> {
        @Override
        public SessionAccumulator createAccumulator() {
            return new SessionAccumulator();
        }

        @Override
        public SessionAccumulator add(UserEvent value, SessionAccumulator acc) {
            acc.add(value);
            return acc;
        }

        @Override
        public SessionAccumulator getResult(SessionAccumulator acc) {
            return acc;
        }

        @Override
        public SessionAccumulator merge(SessionAccumulator a, SessionAccumulator b) {
            return a.merge(b);
        }
    }
}
