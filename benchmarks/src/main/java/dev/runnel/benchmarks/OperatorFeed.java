package dev.runnel.benchmarks;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.time.Clock;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.nfa.NfaCompiler;
import dev.runnel.cep.operator.CepOperator;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.runtime.CountingOutput;
import dev.runnel.runtime.DiscardingOutput;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.OperatorMetrics;
import dev.runnel.runtime.SideOutputs;
import dev.runnel.window.IncrementalAggregation;
import dev.runnel.window.WindowOperatorFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives one operator directly, outside a job, one element per {@link #step}: the per-element cost
 * of window assignment and aggregation or of the NFA without source, channels or sink. Events come
 * from a pre-generated array (the generator is not measured); each lap over the array is shifted
 * later in event time, so the stream never ends and state stays bounded. A watermark of
 * {@code maxTs - 201} (bounded out-of-orderness 200 ms) follows every {@value #WATERMARK_EVERY}
 * events, about as often in event time as a job's periodic watermark.
 */
public final class OperatorFeed {
    public static final int WATERMARK_EVERY = 200;

    private final Operator<Event, ?> operator;
    private final OperatorMetrics metrics;
    private final Event[] events;
    private final long lapMillis;
    private int next;
    private long offset;
    private long maxTs = Long.MIN_VALUE;

    private <OUT> OperatorFeed(String name, Operator<Event, OUT> operator, int size, long seed) {
        OperatorContext context = new OperatorContext(name, 0, 1, Clock.SYSTEM, new SideOutputs());
        // as the job planner wires an operator: its emitted records counted, here then discarded
        operator.setup(context, new CountingOutput<>(new DiscardingOutput<>(), context.metrics()));
        try {
            operator.open();
        } catch (Exception e) {
            throw new IllegalStateException("Could not open " + name, e);
        }
        this.operator = operator;
        this.metrics = context.metrics();
        this.events = new Event[size];
        EventGenerator g = new EventGenerator(seed);
        for (int i = 0; i < size; i++) {
            events[i] = g.next();
        }
        this.lapMillis = size + 101; // the generator's timestamps are i + 0..100
    }

    /** One element into the operator (and a watermark every {@value #WATERMARK_EVERY} elements). */
    public void step() {
        Event e = events[next];
        long ts = e.ts + offset;
        operator.collect(e, ts);
        if (ts > maxTs) {
            maxTs = ts;
        }
        if (++next == events.length) {
            next = 0;
            offset += lapMillis;
        }
        if (next % WATERMARK_EVERY == 0) {
            operator.watermark(maxTs - 201);
        }
    }

    /** Records the operator emitted so far. */
    public long outputs() {
        return metrics.recordsOut;
    }

    private static final KeySelector<Event, Long> BY_KEY_MOD_10K = e -> e.key % 10_000;
    private static final KeySelector<Event, Long> BY_KEY_MOD_1K = e -> e.key % 1_000;

    /** W1's operator: tumbling 1 s event-time windows, sum of amount, keyed by key % 10,000. */
    public static OperatorFeed tumbling(int size, long seed) {
        return window("tumbling", BY_KEY_MOD_10K, TumblingEventTimeWindows.of(Duration.ofSeconds(1)), size, seed);
    }

    /** W2's operator: sliding windows of 10 s every 1 s. */
    public static OperatorFeed sliding(int size, long seed) {
        return window("sliding", BY_KEY_MOD_10K, SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(1)), size, seed);
    }

    /** W3's operator: event-time sessions with a 500 ms gap, keyed by key % 1,000. */
    public static OperatorFeed session(int size, long seed) {
        return window("session", BY_KEY_MOD_1K, EventTimeSessionWindows.withGap(Duration.ofMillis(500)), size, seed);
    }

    /** The CEP operator for {@code pattern}, keyed by key % 10,000, emitting one record per match. */
    public static OperatorFeed cep(String name, Pattern<Event, ?> pattern, int size, long seed) {
        PatternProcessFunction<Event, Long> perMatch = new PatternProcessFunction<>() {
            @Override
            public void processMatch(Map<String, List<Event>> match, Context ctx, Collector<Long> out) {
                out.collect(1L);
            }
        };
        return new OperatorFeed(name, new CepOperator<>(BY_KEY_MOD_10K, NfaCompiler.compile(pattern), false, null, null, perMatch), size, seed);
    }

    private static OperatorFeed window(String name, KeySelector<Event, Long> key, WindowAssigner<Object, TimeWindow> assigner,
                                       int size, long seed) {
        // the same operator WindowedStream.aggregate(new SumAmount()) builds
        WindowOperatorFactory<Event, double[], Double, Long, TimeWindow> factory = new WindowOperatorFactory<>(key, assigner,
            assigner.getDefaultTrigger(), 0, null, i -> new IncrementalAggregation<Event, double[], Double, Double, Long, TimeWindow>(
                new EngineWorkloads.SumAmount(), null));
        return new OperatorFeed(name, factory.create(0), size, seed);
    }
}
