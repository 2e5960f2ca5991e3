package dev.runnel.benchmarks;

import dev.runnel.api.DataStream;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessJoinFunction;
import dev.runnel.api.functions.WindowFunction;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;

/**
 * Two-input jobs over the standard events, split into a left input (types 0-4) and a right one
 * (5-9), keyed by {@code key % 10,000}. The union baseline runs the same filters and window as the
 * window join but without tagging the elements, so the two differ by exactly what the join adds
 * per record: a map to a {@code TaggedUnion} (one allocation) and the split at firing.
 */
public final class TwoInputWorkloads {
    private TwoInputWorkloads() {}

    static DataStream<Event> left(DataStream<Event> events) {
        return events.filter(e -> e.type < 5);
    }

    static DataStream<Event> right(DataStream<Event> events) {
        return events.filter(e -> e.type >= 5);
    }

    /** Counts the elements of each window. */
    static final class CountElements implements WindowFunction<Event, Long, Long, TimeWindow> {
        @Override
        public void apply(Long key, TimeWindow window, Iterable<Event> input, Collector<Long> out) {
            long n = 0;
            for (Event ignored : input) {
                n++;
            }
            out.collect(n);
        }
    }

    /** Both inputs united, keyed, 1 s tumbling windows holding their elements: the join without tags. */
    public static long unionWindowBaseline(long n, long seed) {
        return EngineWorkloads.run("union-window", n, seed, 1, events -> left(events).union(right(events))
            .keyBy(e -> e.key % 10_000).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).apply(new CountElements()));
    }

    public static long windowJoin(long n, long seed) {
        return EngineWorkloads.run("window-join", n, seed, 1, events -> left(events).join(right(events))
            .where(e -> e.key % 10_000).equalTo(e -> e.key % 10_000)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).apply((a, b) -> a.amount + b.amount));
    }

    public static long intervalJoin(long n, long seed) {
        return EngineWorkloads.run("interval-join", n, seed, 1, events -> left(events).keyBy(e -> e.key % 10_000)
            .intervalJoin(right(events).keyBy(e -> e.key % 10_000)).between(Duration.ofMillis(-500), Duration.ofMillis(500))
            .process(new ProcessJoinFunction<Event, Event, Double>() {
                @Override
                public void processElement(Event a, Event b, Context ctx, Collector<Double> out) {
                    out.collect(a.amount + b.amount);
                }
            }));
    }
}
