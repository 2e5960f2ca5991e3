package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.OperatorMetrics;
import dev.runnel.runtime.SideOutputs;
import dev.runnel.window.WindowStateCleanupTest.Results;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code numOpenWindows} counts the (key, window) pairs whose contents an operator still holds, the same on
 * the sliced operator and the general one: fired windows count until their allowed lateness has passed, and
 * a key in several slices of one sliding window counts once for it.
 */
class OpenWindowsGaugeTest {
    private static final KeySelector<Ev, String> KEY = Ev::key;
    private final java.util.Map<KeyedOperator<?, ?, ?>, OperatorMetrics> metricsOf = new java.util.IdentityHashMap<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private KeyedOperator<String, Ev, Long> open(WindowAssigner<?, TimeWindow> assigner, long lateness, boolean general,
                                                        Class<?> expectedOperator) throws Exception {
        Trigger trigger = general ? new WindowTestSupport.GeneralPathTrigger() : assigner.getDefaultTrigger();
        var factory = new WindowOperatorFactory<Ev, long[], Long, String, TimeWindow>(KEY, (WindowAssigner) assigner, trigger,
            lateness, null, i -> new IncrementalAggregation<Ev, long[], Long, Long, String, TimeWindow>(new Sum(), null));
        KeyedOperator<String, Ev, Long> op = factory.create(0);
        assertThat(op).isInstanceOf(expectedOperator);
        OperatorContext context = new OperatorContext("windows", 0, 1, new ManualClock(0), new SideOutputs());
        op.setup(context, new Results<>());
        op.open();
        metricsOf.put(op, context.metrics());
        return op;
    }

    private static Class<?> operator(boolean general) {
        return general ? WindowOperator.class : SliceWindowOperator.class;
    }

    private long openWindows(KeyedOperator<String, Ev, Long> op) {
        return metricsOf.get(op).gauge("numOpenWindows");
    }

    @Test
    void tumblingWindowsCountPerKeyUntilTheirLatenessHasPassed() throws Exception {
        for (boolean general : new boolean[] {false, true}) {
            KeyedOperator<String, Ev, Long> op = open(TumblingEventTimeWindows.of(Duration.ofMillis(10)), 5, general, operator(general));
            assertThat(openWindows(op)).isZero();
            op.collect(ev("a", 1, 1), 1);
            op.collect(ev("a", 2, 1), 2);
            op.collect(ev("b", 3, 1), 3);
            op.collect(ev("a", 12, 1), 12);
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(3); // a[0,10) b[0,10) a[10,20)
            op.watermark(9);                                                    // [0,10) fired, kept for lateness
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(3);
            op.watermark(14);                                                   // 9 + 5: [0,10) cleaned up
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(1);
            op.watermark(24);
            assertThat(openWindows(op)).as("general=%s", general).isZero();
        }
    }

    @Test
    void slidingWindowsCountAKeyOncePerWindowWhateverItsSlices() throws Exception {
        for (boolean general : new boolean[] {false, true}) {
            // size 10, slide 5: an element at t is in the windows starting at floor(t/5)*5 and 5 before
            KeyedOperator<String, Ev, Long> op = open(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)), 0, general,
                operator(general));
            op.collect(ev("a", 1, 1), 1);   // a: [-5,5) [0,10)
            op.collect(ev("a", 6, 1), 6);   // a: [0,10) [5,15)
            op.collect(ev("b", 7, 1), 7);   // b: [0,10) [5,15)
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(5);
            op.watermark(4);                // [-5,5) fired and dropped
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(4);
            op.watermark(9);                // [0,10) fired and dropped
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(2);
            op.watermark(14);
            assertThat(openWindows(op)).as("general=%s", general).isZero();
        }
    }

    @Test
    void sessionsCountPerKeyAndMergeIntoOne() throws Exception {
        for (boolean general : new boolean[] {false, true}) {
            KeyedOperator<String, Ev, Long> op = open(EventTimeSessionWindows.withGap(Duration.ofMillis(5)), 0, general,
                general ? WindowOperator.class : SessionWindowOperator.class);
            op.collect(ev("a", 1, 1), 1);
            op.collect(ev("a", 20, 1), 20);
            op.collect(ev("b", 2, 1), 2);
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(3);
            op.collect(ev("a", 10, 1), 10);  // [10,15) bridges nothing yet: a has three sessions
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(4);
            op.collect(ev("a", 5, 1), 5);    // [5,10) joins [1,6) and [10,15): one session [1,15)
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(3);
            op.watermark(16);                // a [1,15) and b [2,7) fire and go
            assertThat(openWindows(op)).as("general=%s", general).isEqualTo(1);
        }
    }
}
