package dev.runnel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the watermark of a two-input operator follows its inputs' watermarks, idleness and ends. */
class TwoInputPortsTest {
    /** Records what reaches the operator. */
    private static final class Control implements Output<Object>, TwoInputPorts.Target<Object, Object> {
        final List<String> seen = new ArrayList<>();

        @Override
        public void collect(Object value, long timestamp) {}

        @Override
        public void watermark(long watermark) {
            seen.add("wm " + (watermark == Long.MAX_VALUE ? "MAX" : String.valueOf(watermark)));
        }

        @Override
        public void idle(boolean idle) {
            seen.add(idle ? "idle" : "active");
        }

        @Override
        public void tick(long now) {}

        @Override
        public void latencyMarker(long originNanos) {}

        @Override
        public void end() {
            seen.add("end");
        }

        @Override
        public void processElement1(Object value, long timestamp) {}

        @Override
        public void processElement2(Object value, long timestamp) {}

        @Override
        public void endInput(int inputId) {
            seen.add("endInput " + inputId);
        }
    }

    @Test
    void eachInputsEndIsReportedOnceAndBeforeTheOperatorsEnd() {
        Control c = new Control();
        TwoInputPorts<Object, Object> ports = new TwoInputPorts<>(c, c);
        ports.second().end();
        ports.second().end();
        ports.first().end();
        assertThat(c.seen).containsExactly("endInput 2", "endInput 1", "wm MAX", "end");
    }

    @Test
    void anEndedInputAndAnIdleOneGiveTheEndOfTime() {
        Control c = new Control();
        TwoInputPorts<Object, Object> ports = new TwoInputPorts<>(c, c);
        ports.first().watermark(10);
        ports.second().watermark(5);
        ports.second().idle(true);           // only the first counts
        ports.first().watermark(Long.MAX_VALUE);
        ports.first().end();                 // the first ended, the second is idle: the end of time, as in Flink
        ports.second().watermark(20);        // behind: no change
        assertThat(c.seen).containsExactly("wm 5", "wm 10", "wm MAX", "endInput 1");
    }

    @Test
    void twoIdleInputsMakeTheOperatorIdle() {
        Control c = new Control();
        TwoInputPorts<Object, Object> ports = new TwoInputPorts<>(c, c);
        ports.first().watermark(3);
        ports.second().watermark(4);
        ports.first().idle(true);
        ports.second().idle(true);
        ports.first().watermark(7);
        assertThat(c.seen).containsExactly("wm 3", "wm 4", "idle", "active", "wm 7");
    }
}
