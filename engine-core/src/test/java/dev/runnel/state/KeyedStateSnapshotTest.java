package dev.runnel.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.StateTtlConfig;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.ManualClock;
import dev.runnel.checkpoint.StateSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedStateSnapshotTest {
    private final StateSerializers serializers = new StateSerializers();

    private byte[] snapshot(KeyedStateBackend backend) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        backend.snapshot(new DataOutputStream(bytes), serializers);
        return bytes.toByteArray();
    }

    private void restore(KeyedStateBackend backend, byte[] bytes) throws IOException {
        backend.restore(new DataInputStream(new ByteArrayInputStream(bytes)), serializers);
    }

    @Test
    void everyKindOfStateRestoresPerKeyMatchedByNameEvenWhenRegisteredInAnotherOrder() throws IOException {
        ManualClock clock = new ManualClock(0);
        KeyedStateBackend before = new KeyedStateBackend("op", clock);
        ValueStateDescriptor<Long> countD = new ValueStateDescriptor<>("count", Long.class);
        ListStateDescriptor<String> seenD = new ListStateDescriptor<>("seen", String.class);
        MapStateDescriptor<String, Integer> byWordD = new MapStateDescriptor<>("byWord", String.class, Integer.class);
        HeapValueState<Long> count = before.register(countD, slot -> new HeapValueState<>(before, slot, countD));
        HeapListState<String> seen = before.register(seenD, slot -> new HeapListState<>(before, slot, seenD));
        HeapMapState<String, Integer> byWord = before.register(byWordD, slot -> new HeapMapState<>(before, slot, byWordD));
        before.setCurrentKey("a");
        count.update(3L);
        seen.add("x");
        seen.add("y");
        byWord.put("w", 1);
        before.setCurrentKey(7);
        count.update(9L);
        byte[] bytes = snapshot(before);

        KeyedStateBackend after = new KeyedStateBackend("op", clock);
        restore(after, bytes); // before open(): states claim their values when they register
        HeapMapState<String, Integer> byWord2 = after.register(byWordD, slot -> new HeapMapState<>(after, slot, byWordD));
        HeapValueState<Long> count2 = after.register(countD, slot -> new HeapValueState<>(after, slot, countD));
        assertThat(after.unclaimedRestoredStates()).containsExactly("seen");
        HeapListState<String> seen2 = after.register(seenD, slot -> new HeapListState<>(after, slot, seenD));
        assertThat(after.unclaimedRestoredStates()).isEmpty();

        after.setCurrentKey("a");
        assertThat(count2.value()).isEqualTo(3L);
        assertThat(seen2.get()).containsExactly("x", "y");
        assertThat(byWord2.get("w")).isEqualTo(1);
        after.setCurrentKey(7);
        assertThat(count2.value()).isEqualTo(9L);
        assertThat(seen2.get()).isEmpty();
        assertThat(after.numberOfKeys()).isEqualTo(2);

        // the restored copy is independent of the original
        seen2.add("z");
        before.setCurrentKey(7);
        assertThat(seen.get()).isEmpty();
    }

    @Test
    void ttlTimestampsSurviveARestore() throws IOException {
        ManualClock clock = new ManualClock(1_000);
        ValueStateDescriptor<String> d = new ValueStateDescriptor<>("v", String.class);
        d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
        KeyedStateBackend before = new KeyedStateBackend("op", clock);
        HeapValueState<String> v = before.register(d, slot -> new HeapValueState<>(before, slot, d));
        before.setCurrentKey("k");
        v.update("hello");
        byte[] bytes = snapshot(before);

        KeyedStateBackend after = new KeyedStateBackend("op", clock);
        HeapValueState<String> v2 = after.register(d, slot -> new HeapValueState<>(after, slot, d));
        restore(after, bytes); // after registration: installed at once
        after.setCurrentKey("k");
        clock.setTo(1_099);
        assertThat(v2.value()).isEqualTo("hello");
        clock.setTo(1_100);
        assertThat(v2.value()).as("expires 100 ms after the write made before the checkpoint").isNull();
    }

    @Test
    void stateNoLongerRegisteredIsCarriedIntoTheNextSnapshotAndReported() throws IOException {
        ManualClock clock = new ManualClock(0);
        ValueStateDescriptor<Long> oldD = new ValueStateDescriptor<>("old", Long.class);
        KeyedStateBackend first = new KeyedStateBackend("op", clock);
        HeapValueState<Long> old = first.register(oldD, slot -> new HeapValueState<>(first, slot, oldD));
        first.setCurrentKey("k");
        old.update(5L);

        KeyedStateBackend second = new KeyedStateBackend("op", clock);
        restore(second, snapshot(first));
        assertThat(second.unclaimedRestoredStates()).containsExactly("old");

        KeyedStateBackend third = new KeyedStateBackend("op", clock);
        restore(third, snapshot(second));
        HeapValueState<Long> old3 = third.register(oldD, slot -> new HeapValueState<>(third, slot, oldD));
        third.setCurrentKey("k");
        assertThat(old3.value()).isEqualTo(5L);
        assertThat(third.numberOfKeys()).isEqualTo(1);
        assertThat(third.unclaimedRestoredStates()).isEmpty();
    }
}
