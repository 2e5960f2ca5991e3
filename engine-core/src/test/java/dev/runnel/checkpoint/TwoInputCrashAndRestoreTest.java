package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.BroadcastStream;
import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.functions.ProcessJoinFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-input jobs killed at random records resume from their checkpoints and commit exactly the
 * output of an uninterrupted run: interval join buffers and cleanup timers, a keyed co-process
 * function's shared state and timers, window joins, and broadcast state, also restored at another
 * parallelism. Both inputs come from one source (split by event type), so both runs see the same
 * interleaving and watermarks.
 */
class TwoInputCrashAndRestoreTest {
    private static final OutputTag<Event> LATE_LEFT = OutputTag.of("late-left", Event.class);
    private static final OutputTag<Event> LATE_RIGHT = OutputTag.of("late-right", Event.class);
    private static final MapStateDescriptor<Long, Long> RULES = new MapStateDescriptor<>("rules", Long.class, Long.class);

    @TempDir
    Path dir;

    static DataStream<Event> left(DataStream<Event> events) {
        return events.filter(e -> e.type() == 0).name("left");
    }

    static DataStream<Event> right(DataStream<Event> events) {
        return events.filter(e -> e.type() != 0).name("right");
    }

    /**
     * Events never behind the source's watermark: an event {@code i} is at {@code 7i + jitter} with
     * jitter below 200 unless it is a late one, and the watermark before it is at most
     * {@code 7(i-1) + 199 - 100}. Needed at parallelism above 1: there the two inputs reach a subtask
     * through two channels, so the operator's watermark (the minimum of both) when an element
     * arrives depends on timing, and with it whether an element behind the source's watermark is late
     * (or whether a timer fired before it came). Flink has the same race.
     */
    static boolean neverBehindTheWatermark(Event e) {
        return e.timestamp() >= e.index() * 7 + 93;
    }

    static final class Pair extends ProcessJoinFunction<Event, Event, String> {
        @Override
        public void processElement(Event l, Event r, Context ctx, Collector<String> out) {
            out.collect(l.key() % 50 + " " + l.index() + "+" + r.index() + " @" + ctx.getTimestamp());
        }
    }

    private static CrashLoop intervalJoin(Path dir, boolean withLateData) {
        return new CrashLoop(dir, 20_000, (all, sinks) -> {
            DataStream<Event> events = withLateData ? all : all.filter(TwoInputCrashAndRestoreTest::neverBehindTheWatermark);
            DataStream<String> joined = left(events).keyBy(e -> e.key() % 50).intervalJoin(right(events).keyBy(e -> e.key() % 50))
                .between(Duration.ofMillis(-150), Duration.ofMillis(60)).upperBoundExclusive()
                .sideOutputLeftLateData(LATE_LEFT).sideOutputRightLateData(LATE_RIGHT)
                .process(new Pair()).name("interval-join");
            sinks.accept("joined", joined);
            if (withLateData) {
                sinks.accept("late-left", joined.getSideOutput(LATE_LEFT).map(Event::toString));
                sinks.accept("late-right", joined.getSideOutput(LATE_RIGHT).map(Event::toString));
            }
        });
    }

    @Test
    void intervalJoin() throws Exception {
        Map<String, List<String>> out = intervalJoin(dir.resolve("p1"), true).checkAgainstUninterrupted(11, 4);
        assertThat(out.get("joined")).hasSizeGreaterThan(1_000);
        assertThat(out.get("late-left")).isNotEmpty();
        assertThat(out.get("late-right")).isNotEmpty();
    }

    @Test
    void intervalJoinAtParallelismTwoRestoredAtOneAndThree() throws Exception {
        Map<String, List<String>> out = intervalJoin(dir.resolve("2to2"), false).checkAgainstUninterrupted(12, 3, 2, 2);
        assertThat(out.get("joined")).hasSizeGreaterThan(500);
        intervalJoin(dir.resolve("2to1"), false).checkAgainstUninterrupted(13, 3, 2, 1);
        intervalJoin(dir.resolve("1to3"), false).checkAgainstUninterrupted(14, 3, 1, 3);
    }

    /** Per key and second: sums of both inputs, emitted by an event-time timer; the count of firings in value state. */
    static final class SecondSums extends KeyedCoProcessFunction<Long, Event, Event, String> {
        private transient MapState<Long, long[]> seconds;
        private transient ValueState<Long> firings;

        @Override
        public void open(RuntimeContext context) {
            seconds = context.getMapState(new MapStateDescriptor<>("seconds", Long.class, long[].class));
            firings = context.getState(new ValueStateDescriptor<>("firings", Long.class));
        }

        @Override
        public void processElement1(Event e, Context ctx, Collector<String> out) throws Exception {
            add(e, 0, ctx);
        }

        @Override
        public void processElement2(Event e, Context ctx, Collector<String> out) throws Exception {
            add(e, 1, ctx);
        }

        private void add(Event e, int side, Context ctx) throws Exception {
            long end = Math.floorDiv(e.timestamp(), 1_000) * 1_000 + 999;
            if (end <= ctx.timerService().currentWatermark()) {
                return; // its second has been reported
            }
            long[] sums = seconds.get(end);
            if (sums == null) {
                sums = new long[2];
            }
            sums[side] += e.value();
            seconds.put(end, sums);
            ctx.timerService().registerEventTimeTimer(end);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long[] sums = seconds.get(timestamp);
            seconds.remove(timestamp);
            long n = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(n);
            out.collect(ctx.getCurrentKey() + " " + timestamp + " " + sums[0] + "/" + sums[1] + " #" + n);
        }
    }

    @Test
    void keyedCoProcessWithTimers() throws Exception {
        CrashLoop loop = new CrashLoop(dir, 20_000, (events, sinks) ->
            sinks.accept("seconds", left(events).connect(right(events)).keyBy(e -> e.key() % 20, e -> e.key() % 20)
                .process(new SecondSums()).name("co-process")));
        Map<String, List<String>> out = loop.checkAgainstUninterrupted(21, 4);
        assertThat(out.get("seconds")).hasSizeGreaterThan(1_000);
    }

    @Test
    void windowJoinAndCoGroup() throws Exception {
        CrashLoop loop = new CrashLoop(dir, 15_000, (events, sinks) -> {
            DataStream<Event> left = left(events);
            DataStream<Event> right = right(events);
            sinks.accept("join", left.join(right).where(e -> e.key() % 50).equalTo(e -> e.key() % 50)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1))).allowedLateness(Duration.ofMillis(500))
                .apply((l, r) -> l.index() + "+" + r.index()));
            sinks.accept("coGroup", left.coGroup(right).where(e -> e.key() % 7).equalTo(e -> e.key() % 7)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .apply((ls, rs, o) -> {
                    long a = 0;
                    long b = 0;
                    for (Event e : ls) {
                        a += e.value();
                    }
                    for (Event e : rs) {
                        b += e.value();
                    }
                    o.collect(a + "|" + b);
                }));
        });
        Map<String, List<String>> out = loop.checkAgainstUninterrupted(31, 4, 2, 2);
        assertThat(out.get("join")).hasSizeGreaterThan(1_000);
    }

    /**
     * Rules (the value of every 10th of the first 100 events) are broadcast; each keyed event waits
     * for the watermark and is then compared with the sum of all rules. The rules arrive before the
     * watermark passes any keyed event (keyed events start at index 200, never behind the watermark), so
     * every instance has all rules when it compares, whatever the parallelism; after a crash the
     * rules are not replayed, so only restored broadcast state gives the same output.
     */
    static final class AboveRules extends KeyedBroadcastProcessFunction<Long, Event, Event, String> {
        private transient MapState<Long, Long> pending;

        @Override
        public void open(RuntimeContext context) {
            pending = context.getMapState(new MapStateDescriptor<>("pending", Long.class, Long.class));
        }

        @Override
        public void processElement(Event e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Long sum = pending.get(e.timestamp());
            pending.put(e.timestamp(), (sum == null ? 0 : sum) + e.value());
            ctx.timerService().registerEventTimeTimer(e.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long limit = 0;
            int rules = 0;
            for (Map.Entry<Long, Long> rule : ctx.getBroadcastState(RULES).immutableEntries()) {
                limit += rule.getValue();
                rules++;
            }
            long value = pending.get(timestamp);
            pending.remove(timestamp);
            out.collect(ctx.getCurrentKey() + " " + timestamp + " " + value + (value * 5 > limit ? ">" : "<=") + limit + " of " + rules);
        }

        @Override
        public void processBroadcastElement(Event rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.index(), rule.value());
        }
    }

    private static CrashLoop broadcast(Path dir) {
        return new CrashLoop(dir, 12_000, (events, sinks) -> {
            BroadcastStream<Event> rules = events.filter(e -> e.index() < 100 && e.index() % 10 == 0).name("rules").broadcast(RULES);
            DataStream<Event> keyed = events.filter(e -> e.index() >= 200 && neverBehindTheWatermark(e)).name("keyed");
            sinks.accept("checked", keyed.keyBy(e -> e.key() % 30).connect(rules).process(new AboveRules()).name("rules-check"));
        });
    }

    @Test
    void broadcastStateRestoredAtTheSameAndAnotherParallelism() throws Exception {
        Map<String, List<String>> out = broadcast(dir.resolve("1to1")).checkAgainstUninterrupted(41, 3);
        assertThat(out.get("checked")).anyMatch(s -> s.endsWith(" of 10")).allMatch(s -> s.endsWith(" of 10"));
        assertThat(out.get("checked")).anyMatch(s -> s.contains(">")).anyMatch(s -> s.contains("<="));
        broadcast(dir.resolve("2to2")).checkAgainstUninterrupted(42, 3, 2, 2);
        broadcast(dir.resolve("2to1")).checkAgainstUninterrupted(43, 3, 2, 1);
        broadcast(dir.resolve("1to3")).checkAgainstUninterrupted(44, 3, 1, 3);
        broadcast(dir.resolve("3to2")).checkAgainstUninterrupted(45, 3, 3, 2);
    }
}
