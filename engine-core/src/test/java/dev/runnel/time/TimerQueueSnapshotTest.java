package dev.runnel.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.checkpoint.StateSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerQueueSnapshotTest {

    private static List<String> advance(TimerQueue q, long limit) {
        List<String> fired = new ArrayList<>();
        q.advance(limit, (key, ns, time) -> fired.add(key + "/" + ns + "@" + time));
        return fired;
    }

    private static TimerQueue copy(TimerQueue q) throws IOException {
        StateSerializers serializers = new StateSerializers();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        q.snapshot(new DataOutputStream(bytes), serializers, "op");
        TimerQueue restored = new TimerQueue();
        restored.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), serializers, "op", key -> true);
        return restored;
    }

    @Test
    void restoredTimersFireExactlyAsTheOriginalsWouldIncludingWheelOverflowAndDeletedOnes() throws IOException {
        Random random = new Random(7);
        TimerQueue original = new TimerQueue();
        original.register("first", null, 1_000);
        advance(original, 1_000); // moves the cursor, so later registrations spread over wheel and overflow
        for (int i = 0; i < 2_000; i++) {
            long time = switch (i % 3) {
                case 0 -> 1_000 + random.nextInt(500);           // near: wheel
                case 1 -> 50_000_000L + random.nextInt(1_000);    // far: overflow
                default -> 1_000 - random.nextInt(900);           // behind the cursor: past overflow
            };
            original.register("k" + (i % 17), new TimeWindow(time - 10, time), time);
        }
        original.delete("k3", new TimeWindow(990, 1_000), 1_000);
        long pending = original.size();

        TimerQueue restored = copy(original);
        assertThat(restored.size()).isEqualTo(pending);
        assertThat(restored.maxTime()).isEqualTo(original.maxTime());
        for (long limit : new long[] {1_200, 1_499, 50_000_500L, Long.MAX_VALUE}) {
            List<String> expected = advance(original, limit);
            assertThat(advance(restored, limit)).as("fired up to %d", limit).isEqualTo(expected);
        }
        assertThat(restored.isEmpty()).isTrue();
    }

    @Test
    void anEmptyQueueRestoresEmpty() throws IOException {
        assertThat(copy(new TimerQueue()).isEmpty()).isTrue();
    }
}
