package dev.runnel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The time split of one task, on a scripted clock: idle and back-pressured stretches, busy as the rest. */
class TaskTimesTest {
    @Test
    void idleAndBackPressuredStretchesCountUpToTheReadingAndBusyIsTheRest() {
        TaskTimes t = new TaskTimes();
        assertThat(t.busyNanos(500)).isZero(); // not started
        t.start(1_000);
        t.idleStart(1_100);
        assertThat(t.idleNanos(1_150)).isEqualTo(50); // a stretch in progress counts up to the reading
        t.idleEnd(1_300);
        t.backPressureStart(1_500);
        assertThat(t.backPressuredNanos(1_600)).isEqualTo(100);
        t.backPressureEnd(1_700);
        t.idleStart(1_900);
        assertThat(t.idleNanos(2_000)).isEqualTo(300);
        assertThat(t.backPressuredNanos(2_000)).isEqualTo(200);
        assertThat(t.busyNanos(2_000)).isEqualTo(1_000 - 300 - 200);
        t.end(2_100); // closes the idle stretch; readings stop here
        assertThat(t.idleNanos(9_000)).isEqualTo(400);
        assertThat(t.busyNanos(9_000)).isEqualTo(1_100 - 400 - 200);
    }

    @Test
    void aTaskThatNeverWaitsIsAllBusy() {
        TaskTimes t = new TaskTimes();
        t.start(10);
        assertThat(t.idleNanos(1_010)).isZero();
        assertThat(t.backPressuredNanos(1_010)).isZero();
        assertThat(t.busyNanos(1_010)).isEqualTo(1_000);
    }
}
