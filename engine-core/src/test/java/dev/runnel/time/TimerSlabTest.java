package dev.runnel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How the slab hands out entries ({@link FreeEntries}): in address order, whatever order they were freed in. */
class TimerSlabTest {

    private static List<Integer> add(TimerSlab slab, int count) {
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            taken.add(slab.add(i, (long) i, null));
        }
        return taken;
    }

    @Test
    void entriesFreedOutOfOrderAreHandedOutAgainInAddressOrder() {
        TimerSlab slab = new TimerSlab();
        List<Integer> first = add(slab, 4_096);
        List<Integer> freed = new ArrayList<>(first);
        Collections.shuffle(freed, new Random(7)); // a firing frees in time order, not registration order
        for (int e : freed) {
            slab.free(e);
        }
        assertThat(add(slab, 2_048)).containsExactlyElementsOf(range(0, 2_048));
    }

    @Test
    void theSearchGoesOnFromTheLastEntryFoundAndWrapsAround() {
        TimerSlab slab = new TimerSlab();
        add(slab, 1_024);
        for (int e = 512; e < 768; e++) {
            slab.free(e);
        }
        assertThat(add(slab, 128)).containsExactlyElementsOf(range(512, 640));
        for (int e = 0; e < 256; e++) {
            slab.free(e); // behind the search: found after the rest of the range, not before
        }
        List<Integer> next = add(slab, 192);
        assertThat(next.subList(0, 128)).containsExactlyElementsOf(range(640, 768));
        assertThat(next.subList(128, 192)).containsExactlyElementsOf(range(0, 64));
    }

    @Test
    void withFewerThanOneEntryInSixteenFreeTheSlabGrowsInsteadOfSearching() {
        TimerSlab slab = new TimerSlab();
        add(slab, 1_024);
        for (int e = 0; e < 1_024; e += 128) {
            slab.free(e); // 8 free of 1,024
        }
        assertThat(add(slab, 1)).containsExactly(1_024);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add(i);
        }
        return r;
    }
}
