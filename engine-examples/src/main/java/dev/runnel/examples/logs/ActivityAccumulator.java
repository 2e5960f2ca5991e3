package dev.runnel.examples.logs;

import dev.runnel.api.functions.AggregateFunction;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts one user's lines per action and spans per session, incrementally, for {@link UserActivity}. */
final class ActivityAccumulator implements java.io.Serializable {
    long events;
    final Map<String, Long> actions = new TreeMap<>();
    /** session id to {first, last} timestamp. */
    final Map<String, long[]> sessions = new HashMap<>();

    void add(LogEvent e) {
        events++;
        actions.merge(e.action(), 1L, Long::sum);
        long[] span = sessions.computeIfAbsent(e.sessionId(), s -> new long[] {e.timestamp(), e.timestamp()});
        span[0] = Math.min(span[0], e.timestamp());
        span[1] = Math.max(span[1], e.timestamp());
    }

    long sessionSeconds() {
        long millis = 0;
        for (long[] span : sessions.values()) {
            millis += span[1] - span[0];
        }
        return millis / 1000;
    }

    /** The window's {@link AggregateFunction}: one accumulator per user and window. */
    static final class Aggregate implements AggregateFunction<LogEvent, ActivityAccumulator, ActivityAccumulator> {
        @Override
        public ActivityAccumulator createAccumulator() {
            return new ActivityAccumulator();
        }

        @Override
        public ActivityAccumulator add(LogEvent value, ActivityAccumulator acc) {
            acc.add(value);
            return acc;
        }

        @Override
        public ActivityAccumulator getResult(ActivityAccumulator acc) {
            return acc;
        }

        @Override
        public ActivityAccumulator merge(ActivityAccumulator a, ActivityAccumulator b) {
            a.events += b.events;
            b.actions.forEach((k, v) -> a.actions.merge(k, v, Long::sum));
            b.sessions.forEach((k, v) -> a.sessions.merge(k, v, (x, y) -> new long[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])}));
            return a;
        }
    }
}
