package dev.runnel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputMergerTest {

    /** Records what reaches the merged output, as readable events. */
    static final class Recorder implements Output<String> {
        final List<String> events = new ArrayList<>();

        public void collect(String value, long timestamp) {
            events.add(value);
        }

        public void watermark(long watermark) {
            events.add("wm " + watermark);
        }

        public void idle(boolean idle) {
            events.add(idle ? "idle" : "active");
        }

        public void tick(long now) {
            events.add("tick " + now);
        }

        public void latencyMarker(long originNanos) {}

        public void end() {
            events.add("end");
        }
    }

    @Test
    void watermarkIsMinimumOverActiveInputsAndIdleInputsDoNotHoldItBack() {
        Recorder out = new Recorder();
        InputMerger<String> merger = new InputMerger<>(2, out);
        Output<String> a = merger.input(0);
        Output<String> b = merger.input(1);
        a.watermark(1_000);              // b has none yet: nothing
        b.watermark(10);                 // min 10
        b.idle(true);                    // only a counts: 1000
        b.collect("late-b", 15);         // b active again, but the merged watermark never goes back
        b.watermark(2_000);
        a.watermark(1_500);              // min(1500, 2000)
        a.idle(true);                    // only b counts: 2000
        b.idle(true);                    // every input idle: downstream is idle
        a.watermark(3_000);              // a active again: min over active inputs is 3000
        a.end();                         // a finished, b still idle
        b.end();                         // all finished: the final watermark
        assertThat(out.events).containsExactly("wm 10", "wm 1000", "late-b", "wm 1500", "wm 2000", "idle", "active",
            "wm 3000", "idle", "active", "wm " + Long.MAX_VALUE, "end");
    }

    @Test
    void ticksAreForwardedOnlyWhenTimeGrows() {
        Recorder out = new Recorder();
        InputMerger<String> merger = new InputMerger<>(2, out);
        merger.input(0).tick(5);
        merger.input(1).tick(5);
        merger.input(1).tick(7);
        merger.input(0).tick(6);
        assertThat(out.events).containsExactly("tick 5", "tick 7");
    }
}
