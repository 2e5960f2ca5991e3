package dev.runnel.api.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.BroadcastStream;
import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.BroadcastProcessFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.state.BroadcastStates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastStateTest {
    static final MapStateDescriptor<String, Integer> LIMITS = new MapStateDescriptor<>("limits", String.class, Integer.class);
    static final ValueStateDescriptor<Integer> SEEN = new ValueStateDescriptor<>("seen", Integer.class);

    /**
     * Broadcast "limit N" rules; per key counts events and alerts above the limit; "reset" clears every
     * key's count. Keyed events wait in state for the watermark (a timer at their timestamp), so a rule
     * broadcast at an earlier event time is always applied first, however the two inputs interleave:
     * the usual way to order a broadcast input against the other one.
     */
    static final class Limits extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private transient ValueState<Integer> seen;
        private transient ListState<Long> waiting;

        @Override
        public void open(RuntimeContext context) {
            seen = context.getState(SEEN);
            waiting = context.getListState(new ListStateDescriptor<>("waiting", Long.class));
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            waiting.add(ctx.timestamp());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        }

        /** Counts the events of this key at {@code timestamp}, now that the watermark has passed them. */
        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            List<Long> later = new ArrayList<>();
            for (Long ts : waiting.get()) {
                if (ts > timestamp) {
                    later.add(ts);
                    continue;
                }
                int n = seen.value() == null ? 1 : seen.value() + 1;
                seen.update(n);
                Integer limit = ctx.getBroadcastState(LIMITS).get("limit");
                if (limit != null && n > limit) {
                    out.collect(ctx.getCurrentKey() + " " + n + ">" + limit);
                }
            }
            waiting.update(later);
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            if (rule.equals("reset")) {
                ctx.applyToKeyedState(SEEN, (String key, ValueState<Integer> state) -> state.clear());
            } else {
                ctx.getBroadcastState(LIMITS).put("limit", Integer.parseInt(rule.substring("limit ".length())));
            }
        }
    }

    private static List<String> limits(int parallelism) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        // rules at watermark 0, keyed events after it: the keyed side waits for the rule by event time
        BroadcastStream<String> rules = env.fromSource(ScriptedSource.<String>create().event("limit 2", 0).watermark(100),
            WatermarkStrategy.noWatermarks(), "rules").broadcast(LIMITS);
        ScriptedSource<String> events = ScriptedSource.create();
        for (int i = 0; i < 4; i++) {
            for (String key : List.of("a", "b", "c", "d", "e", "f")) {
                events.event(key, 10 + i);
            }
            events.watermark(10 + i);
        }
        DataStream<String> keyed = env.fromSource(events, WatermarkStrategy.noWatermarks(), "events");
        List<String> out = new ArrayList<>(keyed.keyBy(v -> v).connect(rules).process(new Limits()).executeAndCollect());
        out.sort(null);
        return out;
    }

    @Test
    void everyParallelInstanceSeesEveryBroadcastElement() {
        List<String> expected = new ArrayList<>();
        for (String key : List.of("a", "b", "c", "d", "e", "f")) {
            expected.add(key + " 3>2");
            expected.add(key + " 4>2");
        }
        expected.sort(null);
        assertThat(limits(1)).isEqualTo(expected);
        assertThat(limits(2)).isEqualTo(expected);
        assertThat(limits(3)).isEqualTo(expected);
    }

    @Test
    void applyToKeyedStateVisitsEveryKey() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> events = env.fromSource(ScriptedSource.<String>create()
                .event("a", 1).event("b", 2).event("a", 3).watermark(3).event("a", 6).event("a", 7).watermark(7),
            WatermarkStrategy.noWatermarks(), "events");
        BroadcastStream<String> rules = env.fromSource(ScriptedSource.<String>create()
                .event("limit 1", 0).watermark(4).event("reset", 5).watermark(100),
            WatermarkStrategy.noWatermarks(), "rules").broadcast(LIMITS);
        List<String> out = events.keyBy(v -> v).connect(rules).process(new Limits()).executeAndCollect();
        // a counts 1, 2 (alert) before the reset; after it a counts 1, 2 (alert) again; without the
        // reset the later ones would be 3>1 and 4>1
        assertThat(out).containsExactly("a 2>1", "a 2>1");
    }

    /** A broadcast-only, non-keyed variant: the element side reads, the broadcast side writes. */
    static final class Tagger extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer limit = ctx.getBroadcastState(LIMITS).get("limit");
            out.collect(value + ":" + limit);
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(LIMITS).put("limit", Integer.parseInt(value));
        }
    }

    @Test
    void nonKeyedBroadcastProcessReadsWhatTheBroadcastSideWrote() {
        StreamEnvironment env = StreamEnvironment.create();
        // bounded sources are read in turn, 256 script steps at a time, starting with the first input:
        // 300 steps of filler make the broadcast rule arrive between "before" and "after"
        ScriptedSource<String> script = ScriptedSource.<String>create().event("before", 1);
        for (int i = 0; i < 300; i++) {
            script.watermark(2 + i);
        }
        script.event("after", 400);
        DataStream<String> events = env.fromSource(script, WatermarkStrategy.noWatermarks(), "events");
        BroadcastStream<String> rules = env.fromSource(ScriptedSource.<String>create().event("7", 0),
            WatermarkStrategy.noWatermarks(), "rules").broadcast(LIMITS);
        assertThat(events.connect(rules).process(new Tagger()).executeAndCollect()).containsExactly("before:null", "after:7");
    }

    @Test
    void broadcastStateSnapshotRestoresOnceWhateverTheOldParallelism() throws Exception {
        StateSerializers serializers = new StateSerializers();
        BroadcastStates original = new BroadcastStates("op", List.of(LIMITS));
        original.get(LIMITS).put("limit", 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        original.snapshot(new DataOutputStream(bytes), serializers);
        original.get(LIMITS).put("limit", 6); // another old subtask could only hold the same; a later one is ignored
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        original.snapshot(new DataOutputStream(second), serializers);

        BroadcastStates restored = new BroadcastStates("op", List.of(LIMITS));
        restored.restore(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), serializers);
        restored.restore(new DataInputStream(new ByteArrayInputStream(second.toByteArray())), serializers);
        assertThat(restored.get(LIMITS).get("limit")).isEqualTo(5);
    }
}
