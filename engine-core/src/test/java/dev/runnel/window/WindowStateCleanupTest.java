package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.PurgingTrigger;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.SideOutputs;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window state is freed: keys leave the state backend once their windows are purged or cleaned up. */
class WindowStateCleanupTest {
    private static final KeySelector<Ev, String> KEY = Ev::key;

    /** Collects results; control events are ignored. */
    static final class Results<T> implements Output<T> {
        final List<T> values = new ArrayList<>();

        @Override
        public void collect(T value, long timestamp) {
            values.add(value);
        }

        @Override
        public void watermark(long watermark) {}

        @Override
        public void idle(boolean idle) {}

        @Override
        public void tick(long now) {}

        @Override
        public void latencyMarker(long originNanos) {}

        @Override
        public void end() {}
    }

    private static <OUT> KeyedOperator<String, Ev, OUT> open(KeyedOperator<String, Ev, OUT> op, Results<OUT> out) throws Exception {
        op.setup(new OperatorContext("windows", 0, 1, new ManualClock(0), new SideOutputs()), out);
        op.open();
        return op;
    }

    /** Keys with window state (general operator) or live slices (sliced operator, which keeps no per-key state). */
    private static int heldState(KeyedOperator<String, Ev, ?> op) {
        return op instanceof SliceWindowOperator<?, ?, ?, ?> sliced ? sliced.liveSlices() : op.backend().numberOfKeys();
    }

    @Test
    void purgedGlobalWindowsLeaveNoStateBehind() throws Exception {
        Results<Long> out = new Results<>();
        KeyedOperator<String, Ev, Long> op = open(new WindowOperator<String, Ev, long[], Long, GlobalWindow>(KEY,
            GlobalWindows.create(), PurgingTrigger.of(CountTrigger.of(2)),
            new IncrementalAggregation<Ev, long[], Long, Long, String, GlobalWindow>(new Sum(), null), 0, null), out);
        for (int k = 0; k < 1_000; k++) {
            op.collect(ev("user-" + k, 1, 1), 1);
            op.collect(ev("user-" + k, 2, 2), 2);    // fires and purges the key's only window
        }
        assertThat(out.values).hasSize(1_000).containsOnly(3L);
        assertThat(op.backend().numberOfKeys()).isZero();
    }

    @Test
    void timeWindowStateIsDroppedAtCleanupOnBothOperators() throws Exception {
        for (boolean general : new boolean[] {false, true}) {
            Results<Long> out = new Results<>();
            TumblingEventTimeWindows tumbling = TumblingEventTimeWindows.of(Duration.ofMillis(10));
            WindowOperatorFactory<Ev, long[], Long, String, TimeWindow> factory = new WindowOperatorFactory<>(KEY, tumbling,
                general ? new WindowTestSupport.GeneralPathTrigger() : tumbling.getDefaultTrigger(), 5, null,
                i -> new IncrementalAggregation<Ev, long[], Long, Long, String, TimeWindow>(new Sum(), null));
            KeyedOperator<String, Ev, Long> op = open(factory.create(0), out);
            for (int k = 0; k < 100; k++) {
                op.collect(ev("user-" + k, 3, 1), 3);
            }
            op.watermark(9);                            // fires; state kept for lateness
            assertThat(out.values).as("general=%s", general).hasSize(100);
            assertThat(heldState(op)).as("general=%s", general).isEqualTo(general ? 100 : 1);
            op.watermark(14);                           // 9 + 5: cleaned up
            assertThat(heldState(op)).as("general=%s", general).isZero();
        }
    }
}
