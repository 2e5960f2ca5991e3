package dev.runnel.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.checkpoint.StateSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The timer slab keeps a {@code Long} key as its value and any other key or namespace as an object:
 * both kinds in one queue must de-duplicate, delete, fire and restore exactly as objects would.
 */
class TimerQueueKeyTypesTest {

    /** What fired, with each key's and namespace's class, so a Long that came back as an Integer shows. */
    private static List<String> advance(TimerQueue q, long limit) {
        List<String> fired = new ArrayList<>();
        q.advance(limit, (key, ns, time) -> fired.add(describe(key, ns, time)));
        return fired;
    }

    private static String describe(Object key, Object ns, long time) {
        return key.getClass().getSimpleName() + ":" + key + "/" + (ns == null ? "-" : ns.getClass().getSimpleName() + ":" + ns)
            + "@" + time;
    }

    @Test
    void longKeysDeduplicateByValueAndStayApartFromEqualLookingKeysOfOtherTypes() {
        TimerQueue q = new TimerQueue();
        // boxes above the Long cache: equal values, different objects, as keyBy(e -> e.key % 10_000) makes them
        assertThat(q.register(Long.valueOf(5_000), null, 10)).isTrue();
        assertThat(q.register(Long.valueOf(5_000), null, 10)).isFalse();
        assertThat(q.register(5_000, null, 10)).as("an Integer with the same hash code").isTrue();
        assertThat(q.register("5000", null, 10)).isTrue();
        assertThat(q.register(5_000L, "w", 10)).as("same key, another namespace").isTrue();
        assertThat(q.register(5_000L, 7L, 10)).isTrue();
        assertThat(q.register(5_000L, 7L, 10)).isFalse();
        assertThat(q.register(5_000L, null, 11)).as("same key, another time").isTrue();
        assertThat(q.register(-1L, null, 10)).isTrue();
        assertThat(q.register(Long.MIN_VALUE, null, 10)).isTrue();
        assertThat(q.size()).isEqualTo(8);
        assertThat(advance(q, 11)).containsExactly(
            "Long:5000/-@10", "Integer:5000/-@10", "String:5000/-@10", "Long:5000/String:w@10", "Long:5000/Long:7@10",
            "Long:-1/-@10", "Long:" + Long.MIN_VALUE + "/-@10", "Long:5000/-@11");
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void deletingALongKeyedTimerLeavesTheOthersOfItsInstantInOrder() {
        TimerQueue q = new TimerQueue();
        for (long k = 1_000; k < 1_006; k++) {
            q.register(k, null, 42);
        }
        q.register(1_003, null, 42); // Integer
        assertThat(q.delete(Long.valueOf(1_003), null, 42)).isTrue();
        assertThat(q.delete(1_003L, null, 42)).isFalse();
        assertThat(q.delete(1_004L, "w", 42)).as("the namespace is part of the timer").isFalse();
        assertThat(q.register(1_003L, null, 42)).as("re-registered after its delete: it goes last").isTrue();
        assertThat(advance(q, 42)).containsExactly("Long:1000/-@42", "Long:1001/-@42", "Long:1002/-@42",
            "Long:1004/-@42", "Long:1005/-@42", "Integer:1003/-@42", "Long:1003/-@42");
    }

    @Test
    void whileAnInstantFiresItsTimersAreNoLongerPending() {
        TimerQueue q = new TimerQueue();
        q.register(1L, null, 10);
        q.register(2L, null, 10);
        List<String> fired = new ArrayList<>();
        q.advance(10, (key, ns, time) -> {
            fired.add(describe(key, ns, time));
            if (fired.size() == 1) {
                assertThat(q.delete(2L, null, 10)).as("already detached for firing").isFalse();
                assertThat(q.register(2L, null, 10)).as("a fresh timer of the same instant").isTrue();
                assertThat(q.register(1L, null, 10)).as("the one firing, registered again").isTrue();
            }
        });
        assertThat(fired).containsExactly("Long:1/-@10", "Long:2/-@10", "Long:2/-@10", "Long:1/-@10");
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void aBurstOfTimersIsFreedAndTheQueueWorksAfterwards() {
        TimerQueue q = new TimerQueue();
        for (int round = 0; round < 3; round++) {
            for (long k = 0; k < 200_000; k++) {
                q.register(k % 3 == 0 ? (Object) ("s" + k) : (Object) k, k % 5 == 0 ? (Object) "ns" : null, 1_000 + k / 7);
            }
            assertThat(q.size()).isEqualTo(200_000);
            long[] count = {0};
            long[] last = {Long.MIN_VALUE};
            q.advance(Long.MAX_VALUE, (key, ns, time) -> {
                assertThat(time).isGreaterThanOrEqualTo(last[0]);
                last[0] = time;
                count[0]++;
            });
            assertThat(count[0]).isEqualTo(200_000);
            assertThat(q.isEmpty()).isTrue();
        }
        q.register(9L, null, 5);
        assertThat(advance(q, Long.MAX_VALUE)).containsExactly("Long:9/-@5");
    }

    @Test
    void mixedKeysAndNamespacesRestoreWithTheirTypesAndOrder() throws IOException {
        TimerQueue original = new TimerQueue();
        original.register(7L, null, 100);
        original.register(7, null, 100);
        original.register("7", 3L, 100);
        original.register(8L, "w", 50);
        original.register(9L, null, 60_000_000L); // overflow
        original.register(10L, null, 100);
        original.delete(10L, null, 100);
        StateSerializers serializers = new StateSerializers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.snapshot(new DataOutputStream(bytes), serializers, "op");
        TimerQueue restored = new TimerQueue();
        restored.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), serializers, "op", key -> true);

        List<String> expected = List.of("Long:8/String:w@50", "Long:7/-@100", "Integer:7/-@100", "String:7/Long:3@100",
            "Long:9/-@60000000");
        assertThat(restored.register(7L, null, 100)).as("restored timers de-duplicate").isFalse();
        assertThat(advance(restored, Long.MAX_VALUE)).isEqualTo(expected);
        assertThat(advance(original, Long.MAX_VALUE)).isEqualTo(expected);
    }

    private record Timer(Object key, Object ns) {}

    @Test
    void randomMixedOperationsMatchAReferenceOfObjects() {
        Random r = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            TimerQueue q = new TimerQueue();
            TreeMap<Long, List<Timer>> reference = new TreeMap<>();
            List<String> fired = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            long watermark = 0;
            for (int step = 0; step < 3_000; step++) {
                int op = r.nextInt(20);
                if (op == 0) {
                    watermark += r.nextInt(r.nextBoolean() ? 20 : 3_000_000);
                    long limit = watermark;
                    q.advance(limit, (key, ns, time) -> fired.add(describe(key, ns, time)));
                    while (!reference.isEmpty() && reference.firstKey() <= limit) {
                        var entry = reference.pollFirstEntry();
                        entry.getValue().forEach(t -> expected.add(describe(t.key, t.ns, entry.getKey())));
                    }
                    continue;
                }
                // a third of the timers on three instants, so that chains outgrow the scan limit and are indexed
                long time = watermark + r.nextInt(r.nextInt(5) == 0 ? 5_000_000 : r.nextInt(3) == 0 ? 3 : 300) - 20;
                Object key = switch (r.nextInt(3)) {
                    case 0 -> (long) r.nextInt(6) * 1_000;
                    case 1 -> r.nextInt(6) * 1_000;
                    default -> "k" + r.nextInt(6);
                };
                Object ns = switch (r.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> (long) r.nextInt(2);
                    default -> "n" + r.nextInt(2);
                };
                List<Timer> at = reference.computeIfAbsent(time, t -> new ArrayList<>());
                Timer timer = new Timer(key, ns);
                boolean pending = at.stream().anyMatch(t -> t.key.equals(key) && Objects.equals(t.ns, ns));
                if (op < 5) {
                    assertThat(q.delete(key, ns, time)).isEqualTo(at.remove(timer));
                } else if (op < 10 && !pending) {
                    q.registerUnique(key, ns, time); // known absent: no de-duplication, and the chain is not indexed by it
                    at.add(timer);
                } else {
                    assertThat(q.register(key, ns, time)).isEqualTo(!pending);
                    if (!pending) {
                        at.add(timer);
                    }
                }
                if (at.isEmpty()) {
                    reference.remove(time);
                }
            }
            q.advance(Long.MAX_VALUE, (key, ns, time) -> fired.add(describe(key, ns, time)));
            reference.forEach((time, timers) -> timers.forEach(t -> expected.add(describe(t.key, t.ns, time))));
            assertThat(fired).as("trial %d", trial).containsExactlyElementsOf(expected);
            assertThat(q.isEmpty()).isTrue();
        }
    }
}
