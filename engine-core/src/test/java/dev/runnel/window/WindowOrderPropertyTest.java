package dev.runnel.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.window.WindowTestSupport.Describe;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random out-of-order input whose disorder stays within the watermark bound must give exactly the
 * results of the same input in timestamp order, for every assigner and both operator paths.
 */
class WindowOrderPropertyTest {
    private static final long BOUND = 50;

    private static List<String> run(List<Ev> events, WindowAssigner<Object, TimeWindow> assigner, boolean lateness) {
        StreamEnvironment env = StreamEnvironment.create();
        ScriptedSource<Ev> script = ScriptedSource.create();
        long maxTs = Long.MIN_VALUE;
        for (Ev e : events) {
            script.event(e, e.ts());
            maxTs = Math.max(maxTs, e.ts());
            script.watermark(maxTs - BOUND - 1);     // what bounded out-of-orderness would emit
        }
        var windowed = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s").keyBy(Ev::key).window(assigner);
        if (lateness) {
            windowed.allowedLateness(Duration.ofMillis(10)); // forces the general operator for tumbling/sliding
        }
        List<String> out = new ArrayList<>(windowed.aggregate(new Sum(), new Describe<>()).executeAndCollect());
        Collections.sort(out);
        return out;
    }

    @Test
    void shuffledWithinBoundEqualsSorted() {
        Random r = new Random(42);
        List<WindowAssigner<Object, TimeWindow>> assigners = List.of(
            TumblingEventTimeWindows.of(Duration.ofMillis(30)),
            SlidingEventTimeWindows.of(Duration.ofMillis(40), Duration.ofMillis(10)),
            SlidingEventTimeWindows.of(Duration.ofMillis(30), Duration.ofMillis(20)),
            EventTimeSessionWindows.withGap(Duration.ofMillis(15)));
        for (int trial = 0; trial < 40; trial++) {
            List<Ev> sorted = new ArrayList<>();
            long ts = r.nextInt(100) - 50;
            for (int i = 0; i < 60; i++) {
                ts += r.nextInt(12);
                sorted.add(new Ev("k" + r.nextInt(3), ts, r.nextInt(100)));
            }
            // shuffle by adding a delay of at most BOUND to each event's arrival
            List<Ev> shuffled = new ArrayList<>(sorted);
            List<Long> arrival = new ArrayList<>();
            for (Ev e : sorted) {
                arrival.add(e.ts() + r.nextInt((int) BOUND + 1));
            }
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                idx.add(i);
            }
            idx.sort((a, b) -> Long.compare(arrival.get(a), arrival.get(b)));
            shuffled.clear();
            for (int i : idx) {
                shuffled.add(sorted.get(i));
            }
            for (WindowAssigner<Object, TimeWindow> assigner : assigners) {
                for (boolean lateness : new boolean[] {false, true}) {
                    assertThat(run(shuffled, assigner, lateness))
                        .as("trial %d, %s, lateness %s", trial, assigner, lateness)
                        .isEqualTo(run(sorted, assigner, lateness));
                }
            }
        }
    }
}
