package dev.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyEntriesTest {

    /**
     * Random puts, gets and removes against a HashMap. Keys are drawn from a small dense range so that
     * probe clusters form and removals compact them, the table grows past its initial size (a third of
     * the schedules start from 16 slots), and in some schedules a key of another type arrives midway
     * and turns the table into objects.
     */
    @Test
    void randomOperationsMatchAHashMap() {
        for (int schedule = 0; schedule < 40; schedule++) {
            SplittableRandom r = new SplittableRandom(schedule);
            boolean small = schedule % 3 == 0;
            KeyEntries entries = small ? new KeyEntries(16) : new KeyEntries();
            Map<Object, Object[]> reference = new HashMap<>();
            boolean ints = schedule % 4 == 1;
            int range = small ? 12 + schedule : schedule % 2 == 0 ? 3_000 : 200_000;
            int switchAt = schedule % 5 == 4 ? 20_000 : -1;
            for (int op = 0; op < 40_000; op++) {
                Object key;
                if (switchAt >= 0 && op >= switchAt && r.nextInt(4) == 0) {
                    key = "k" + r.nextInt(range);
                } else {
                    long v = r.nextInt(range) - range / 4; // negative keys too
                    key = ints ? (Object) (int) v : (Object) v;
                }
                int what = r.nextInt(10);
                if (what < 4) {
                    Object[] slots = {op};
                    entries.put(key, slots);
                    reference.put(key, slots);
                } else if (what < 7) {
                    entries.remove(key);
                    reference.remove(key);
                } else {
                    assertThat(entries.get(key)).as("schedule %d op %d key %s", schedule, op, key).isSameAs(reference.get(key));
                }
            }
            assertThat(entries.size()).isEqualTo(reference.size());
            Map<Object, Object[]> visited = new HashMap<>();
            entries.forEach(visited::put);
            assertThat(visited).isEqualTo(reference);
            for (Map.Entry<Object, Object[]> e : reference.entrySet()) {
                assertThat(entries.get(e.getKey())).isSameAs(e.getValue());
            }
        }
    }

    @Test
    void aKeyOfAnotherNumberTypeIsADifferentKey() {
        KeyEntries entries = new KeyEntries();
        Object[] slots = {"x"};
        entries.put(7L, slots);
        assertThat(entries.get(7)).isNull();
        entries.remove(7);
        assertThat(entries.get(7L)).isSameAs(slots);
        Object[] other = {"y"};
        entries.put(7, other); // an Integer among Longs: the table becomes one of objects
        assertThat(entries.get(7L)).isSameAs(slots);
        assertThat(entries.get(7)).isSameAs(other);
        assertThat(entries.size()).isEqualTo(2);
    }

    @Test
    void aMillionConsecutiveKeysPutAndRemovedLeaveAnEmptyTable() {
        KeyEntries entries = new KeyEntries();
        Object[] slots = {1};
        for (long k = 0; k < 1_000_000; k++) {
            entries.put(k, slots);
        }
        assertThat(entries.size()).isEqualTo(1_000_000);
        for (long k = 0; k < 1_000_000; k += 2) {
            entries.remove(k);
        }
        for (long k = 0; k < 1_000_000; k++) {
            assertThat(entries.get(k)).isEqualTo(k % 2 == 0 ? null : slots);
        }
        for (long k = 1; k < 1_000_000; k += 2) {
            entries.remove(k);
        }
        assertThat(entries.size()).isZero();
        int[] visited = {0};
        entries.forEach((k, v) -> visited[0]++);
        assertThat(visited[0]).isZero();
    }
}
