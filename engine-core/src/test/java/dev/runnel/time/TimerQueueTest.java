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
}
