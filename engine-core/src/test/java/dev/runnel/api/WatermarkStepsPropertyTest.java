package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Splitting periodic watermarks into steps loses no timer and fires none twice: over random timer
 * sets and random watermark sequences, every budget fires exactly the timers a run without steps
 * fires, and in every run no record is processed while a timer its watermark made due is pending
 * (one registered ahead of that watermark), and no timer fires ahead of the watermark.
 */
class WatermarkStepsPropertyTest {
    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4"};

    /** A record: its key, timestamp and the time of the event-time timer it registers. */
    record Event(String key, long ts, long timer) {}

    /**
     * Registers each record's timer and checks the invariant as it goes: when a record arrives, no
     * timer at or before the current watermark is still waiting. Emits each record and each timer as it fires.
     */
    static final class CheckingFunction extends KeyedProcessFunction<String, Event, String> {
        /** Timers registered ahead of the watermark and not fired yet, by key@time; their times counted in {@link #dueTimes}. */
        private final Set<String> ahead = new HashSet<>();
        private final TreeMap<Long, Integer> dueTimes = new TreeMap<>();
        final List<String> violations = new ArrayList<>();

        @Override
        public void processElement(Event e, Context ctx, Collector<String> out) {
            long wm = ctx.timerService().currentWatermark();
            if (!dueTimes.isEmpty() && dueTimes.firstKey() <= wm) {
                violations.add(e + " processed at watermark " + wm + " before the timer at " + dueTimes.firstKey());
            }
            // a timer registered at or behind the watermark fires at the next advance (as in Flink): not covered
            if (e.timer() > wm && ahead.add(e.key() + "@" + e.timer())) {
                dueTimes.merge(e.timer(), 1, Integer::sum);
            }
            ctx.timerService().registerEventTimeTimer(e.timer());
            out.collect("record " + e.key() + "@" + e.ts());
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
            if (ts > ctx.timerService().currentWatermark()) {
                violations.add("timer " + ts + " fired at watermark " + ctx.timerService().currentWatermark());
            }
            if (ahead.remove(ctx.getCurrentKey() + "@" + ts)) {
                dueTimes.merge(ts, -1, (a, b) -> a + b == 0 ? null : a + b);
            }
            out.collect("timer " + ctx.getCurrentKey() + "@" + ts);
        }
    }

    /**
     * Events with timestamps drifting forward out of order, each with a timer a little after it; no
     * (key, time) pair twice, so a timer registered again after it fired cannot be confused with one
     * de-duplicated while still pending. Processing time advances now and then by 0–25 ms, and the
     * watermark interval is 10 ms, so periodic watermarks come at random points.
     */
    private static ScriptedSource<Event> script(Random random) {
        ScriptedSource<Event> script = ScriptedSource.create();
        Set<String> used = new HashSet<>();
        long clock = 0;
        long base = 0;
        int events = 20 + random.nextInt(120);
        for (int i = 0; i < events; i++) {
            base += random.nextInt(4);
            long ts = base + random.nextInt(8);
            String key = KEYS[random.nextInt(KEYS.length)];
            long timer = ts + random.nextInt(30);
            while (!used.add(key + "@" + timer)) {
                timer++;
            }
            script.event(new Event(key, ts, timer), ts);
            if (random.nextInt(4) == 0) {
                clock += random.nextInt(26);
                script.advanceProcessingTimeTo(clock);
            }
        }
        return script;
    }

    private static List<String> run(long seed, int timersPerStep, List<String> violations) {
        Random random = new Random(seed);
        ScriptedSource<Event> script = script(random);
        WatermarkStrategy<Event> strategy = random.nextBoolean()
            ? WatermarkStrategy.forMonotonousTimestamps()
            : WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(random.nextInt(6)));
        StreamEnvironment env = StreamEnvironment.create(new ManualClock()).setAutoWatermarkInterval(Duration.ofMillis(10));
        env.getConfig().setTimersPerWatermarkStep(timersPerStep);
        CheckingFunction function = new CheckingFunction();
        List<String> fired = env.fromSource(script, strategy, "s").keyBy(Event::key).process(function).executeAndCollect();
        violations.addAll(function.violations);
        return fired;
    }

    @Test
    void everyBudgetFiresExactlyTheTimersOfUnsplitWatermarksAndKeepsTheInvariant() {
        int scripts = 100;
        int stepped = 0;
        for (long seed = 1; seed <= scripts; seed++) {
            List<String> violations = new ArrayList<>();
            List<String> reference = run(seed, 0, violations);
            assertThat(violations).as("seed %d without steps", seed).isEmpty();
            List<String> referenceTimers = timers(reference);
            assertThat(new HashSet<>(referenceTimers)).as("seed %d: every timer fires once", seed).hasSameSizeAs(referenceTimers);
            for (int budget : new int[] {1, 2, 3, 7}) {
                List<String> split = run(seed, budget, violations);
                assertThat(violations).as("seed %d, %d timers per step", seed, budget).isEmpty();
                assertThat(timers(split)).as("seed %d, %d timers per step", seed, budget)
                    .containsExactlyInAnyOrderElementsOf(referenceTimers);
                if (!split.equals(reference)) {
                    stepped++;
                }
            }
        }
        // the property is not vacuous: in many runs the steps changed when timers fired among the records
        assertThat(stepped).isGreaterThan(scripts);
    }

    private static List<String> timers(List<String> output) {
        return output.stream().filter(line -> line.startsWith("timer ")).toList();
    }
}
