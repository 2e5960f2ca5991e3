package dev.runnel.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimerQueueTest {

    private static List<String> advance(TimerQueue q, long limit) {
        List<String> fired = new ArrayList<>();
        q.advance(limit, (key, ns, time) -> fired.add(key + "@" + time));
        return fired;
    }

    @Test
    void firesInTimeOrderThenRegistrationOrderAndDeduplicates() {
        TimerQueue q = new TimerQueue();
        q.register("b", null, 20);
        q.register("a", null, 10);
        q.register("c", null, 20);
        assertThat(q.register("b", null, 20)).isFalse();
        assertThat(q.size()).isEqualTo(3);
        assertThat(advance(q, 15)).containsExactly("a@10");
        assertThat(advance(q, 25)).containsExactly("b@20", "c@20");
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void timersInThePastFireAtTheNextAdvance() {
        TimerQueue q = new TimerQueue();
        q.register("a", null, 1_000);
        assertThat(advance(q, 2_000)).containsExactly("a@1000");
        q.register("late", null, 500);
        q.register("now", null, 2_000);
        assertThat(advance(q, 2_001)).containsExactly("late@500", "now@2000");
    }

    @Test
    void farAndNegativeAndExtremeTimestampsWork() {
        TimerQueue q = new TimerQueue();
        q.register("max", null, Long.MAX_VALUE);
        q.register("far", null, 10_000_000_000L);
        q.register("near", null, 5);
        q.register("neg", null, -7);
        q.register("min", null, Long.MIN_VALUE);
        assertThat(q.maxTime()).isEqualTo(Long.MAX_VALUE);
        assertThat(advance(q, 0)).containsExactly("min@" + Long.MIN_VALUE, "neg@-7");
        assertThat(advance(q, Long.MAX_VALUE)).containsExactly("near@5", "far@10000000000", "max@" + Long.MAX_VALUE);
    }

    @Test
    void timersNearTheEndOfTimeInAnEmptyWheel() {
        TimerQueue q = new TimerQueue();
        q.register("a", null, Long.MAX_VALUE - 3);
        q.register("b", null, Long.MAX_VALUE);
        assertThat(advance(q, Long.MAX_VALUE - 1)).containsExactly("a@" + (Long.MAX_VALUE - 3));
        assertThat(advance(q, Long.MAX_VALUE)).containsExactly("b@" + Long.MAX_VALUE);
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void timerRegisteredWhileFiringAtSameOrEarlierTimeFiresInSameAdvance() {
        TimerQueue q = new TimerQueue();
        q.register("a", null, 10);
        List<String> fired = new ArrayList<>();
        q.advance(100, (key, ns, time) -> {
            fired.add(key + "@" + time);
            if (key.equals("a")) {
                q.register("same", null, 10);
                q.register("earlier", null, 3);
                q.register("later", null, 50);
                q.register("beyond", null, 101);
            }
        });
        assertThat(fired).containsExactly("a@10", "earlier@3", "same@10", "later@50");
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void deleteRemovesOnlyThatTimer() {
        TimerQueue q = new TimerQueue();
        q.register("a", "w1", 10);
        q.register("a", "w2", 10);
        q.register("b", null, 5_000_000);
        assertThat(q.delete("a", "w1", 10)).isTrue();
        assertThat(q.delete("a", "w1", 10)).isFalse();
        assertThat(q.delete("b", null, 5_000_000)).isTrue();
        List<String> fired = new ArrayList<>();
        q.advance(Long.MAX_VALUE, (key, ns, time) -> fired.add(key + "/" + ns + "@" + time));
        assertThat(fired).containsExactly("a/w2@10");
    }

    @Test
    void largeBucketsDeduplicateThroughTheirIndex() {
        TimerQueue q = new TimerQueue();
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < 1_000; k++) {
                q.register(k, null, 42);
            }
        }
        assertThat(q.size()).isEqualTo(1_000);
        assertThat(q.delete(500, null, 42)).isTrue();
        assertThat(advance(q, 42)).hasSize(999).doesNotContain("500@42").startsWith("0@42", "1@42");
    }

    @Test
    void aLongChainRegisteredUniqueIsIndexedWhenFirstSearched() {
        TimerQueue q = new TimerQueue();
        for (int k = 0; k < 100; k++) {
            q.registerUnique(k, null, 42);
        }
        assertThat(q.register(99, null, 42)).isFalse();
        assertThat(q.register(100, null, 42)).isTrue();
        assertThat(q.delete(7, null, 42)).isTrue();
        assertThat(q.delete(7, null, 42)).isFalse();
        q.registerUnique(101, null, 42); // appended after the index was built: must be found too
        assertThat(q.register(101, null, 42)).isFalse();
        assertThat(q.delete(101, null, 42)).isTrue();
        List<String> fired = advance(q, 42);
        assertThat(fired).hasSize(100).doesNotContain("7@42", "101@42").startsWith("0@42", "1@42", "2@42")
            .endsWith("98@42", "99@42", "100@42");
    }

    @Test
    void randomScheduleMatchesASortedReference() {
        Random r = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            TimerQueue q = new TimerQueue();
            TreeMap<Long, List<String>> reference = new TreeMap<>();
            List<String> fired = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            long watermark = r.nextInt(1000) - 500;
            for (int step = 0; step < 2_000; step++) {
                if (r.nextInt(10) == 0) {
                    watermark += r.nextInt(r.nextBoolean() ? 50 : 5_000_000);
                    q.advance(watermark, (key, ns, time) -> fired.add(key + "@" + time));
                    while (!reference.isEmpty() && reference.firstKey() <= watermark) {
                        expected.addAll(reference.pollFirstEntry().getValue());
                    }
                } else {
                    long t = watermark + r.nextInt(r.nextInt(4) == 0 ? 3_000_000 : 2_000) - 100;
                    String key = "k" + r.nextInt(20);
                    List<String> at = reference.computeIfAbsent(t, x -> new ArrayList<>());
                    boolean added = q.register(key, null, t);
                    assertThat(added).isEqualTo(!at.contains(key + "@" + t));
                    if (added) {
                        at.add(key + "@" + t);
                    }
                }
            }
            q.advance(Long.MAX_VALUE, (key, ns, time) -> fired.add(key + "@" + time));
            reference.values().forEach(expected::addAll);
            assertThat(fired).as("trial %d", trial).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aTimerRegisteredWhileFiringFarBeyondTheWheelIsNotLostWhenTheWheelEmpties() {
        // the wheel re-bases when it is empty; it must not move its cursor past a far overflow timer
        TimerQueue q = new TimerQueue();
        List<String> fired = new ArrayList<>();
        TimerHandler handler = new TimerHandler() {
            @Override
            public void onTimer(Object key, Object ns, long time) {
                fired.add(key + "@" + time);
                if (time < 100_000) {
                    q.register(key, null, time + 7_200_000);
                }
            }
        };
        q.register("B", null, 0);
        q.advance(-5_001, handler);
        q.register("C", null, 60_000);
        q.advance(54_999, handler);
        q.advance(Long.MAX_VALUE, handler);
        assertThat(fired).containsExactly("B@0", "C@60000", "B@7200000", "C@7260000");
    }

    /** What a handler registers while firing, as a function of the timer, so a reference can repeat it. */
    private static long followUp(String key, long time) {
        long h = (key.hashCode() * 31L + time) * 0x9E3779B97F4A7C15L;
        int kind = (int) ((h >>> 40) & 7);
        long delta = (h >>> 8) & 0xFFFFF;
        return switch (kind) {
            case 0 -> time + delta * 8;          // up to 8.4 M ms ahead: beyond the largest wheel
            case 1 -> time + delta % 2_000;      // near
            case 2 -> time;                      // the instant being fired
            case 3 -> time - delta % 1_000;      // in the past
            default -> Long.MIN_VALUE;           // nothing
        };
    }

    @Test
    void randomScheduleWithTimersRegisteredWhileFiringMatchesASortedReference() {
        Random r = new Random(11);
        for (int trial = 0; trial < 40; trial++) {
            TimerQueue q = new TimerQueue();
            TreeMap<Long, List<String>> reference = new TreeMap<>();
            List<String> fired = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            TimerHandler handler = new TimerHandler() {
                @Override
                public void onTimer(Object key, Object ns, long time) {
                    fired.add(key + "@" + time);
                    String k = (String) key;
                    long next = k.length() < 6 ? followUp(k, time) : Long.MIN_VALUE;
                    if (next != Long.MIN_VALUE) {
                        q.register(k + "'", null, next);
                    }
                }
            };
            long watermark = r.nextInt(1000) - 500;
            for (int step = 0; step < 1_500; step++) {
                if (r.nextInt(10) == 0) {
                    watermark += r.nextInt(r.nextBoolean() ? 50 : 5_000_000);
                    q.advance(watermark, handler);
                    fireReference(reference, watermark, expected);
                } else {
                    long t = watermark + r.nextInt(r.nextInt(4) == 0 ? 3_000_000 : 2_000) - 100;
                    String key = "k" + r.nextInt(20);
                    q.register(key, null, t);
                    addReference(reference, key, t);
                }
            }
            q.advance(Long.MAX_VALUE, handler);
            fireReference(reference, Long.MAX_VALUE, expected);
            assertThat(fired).as("trial %d", trial).containsExactlyElementsOf(expected);
            assertThat(q.isEmpty()).isTrue();
        }
    }

    @Test
    void sparseInstantsStayOutOfTheWheelAndDenseOnesGrowIt() {
        TimerQueue sparse = new TimerQueue();
        List<String> expected = new ArrayList<>();
        for (long second = 3_000; second > 0; second--) { // a window end per second, registered out of order
            sparse.register("w", null, second * 1_000 - 1);
        }
        for (long second = 1; second <= 3_000; second++) {
            expected.add("w@" + (second * 1_000 - 1));
        }
        assertThat(sparse.wheelSlots()).as("3,000 instants over 3 M ms").isLessThanOrEqualTo(1 << 18);
        List<String> fired = new ArrayList<>(advance(sparse, 1_500_000));
        fired.addAll(advance(sparse, 3_000_000));
        assertThat(fired).isEqualTo(expected);
        assertThat(sparse.isEmpty()).isTrue();

        TimerQueue dense = new TimerQueue();
        for (long t = 0; t < 200_000; t++) {
            dense.register("k", null, t);
        }
        assertThat(dense.wheelSlots()).as("an instant per ms").isGreaterThanOrEqualTo(200_000);
        assertThat(advance(dense, 200_000)).hasSize(200_000);
    }

    private static void addReference(TreeMap<Long, List<String>> reference, String key, long t) {
        List<String> at = reference.computeIfAbsent(t, x -> new ArrayList<>());
        if (!at.contains(key)) {
            at.add(key);
        }
    }

    /** Fires in time order, then registration order; timers registered while firing join the same pass. */
    private static void fireReference(TreeMap<Long, List<String>> reference, long limit, List<String> expected) {
        while (!reference.isEmpty() && reference.firstKey() <= limit) {
            var entry = reference.pollFirstEntry();
            for (String key : entry.getValue()) {
                expected.add(key + "@" + entry.getKey());
                long next = key.length() < 6 ? followUp(key, entry.getKey()) : Long.MIN_VALUE;
                if (next != Long.MIN_VALUE) {
                    addReference(reference, key + "'", next);
                }
            }
        }
    }
}
