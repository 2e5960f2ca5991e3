package dev.runnel.flink;

import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TriggerResult;
import dev.runnel.api.windowing.Window;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Runnel {@link Trigger} (built-in or the user's) as a Flink trigger: Flink's timers and
 * partitioned state behind Runnel's trigger context. On merging windows Runnel merges the trigger's
 * reducing, aggregating and list state before {@code onMerge}; Flink leaves that to the trigger, so
 * this adapter merges every such descriptor the trigger holds in its fields (found once, by
 * reflection, as triggers declare their state descriptors as fields).
 */
final class TriggerAdapter<W extends org.apache.flink.streaming.api.windowing.windows.Window>
        extends org.apache.flink.streaming.api.windowing.triggers.Trigger<Object, W> {
    private static final long serialVersionUID = 1L;
    private final Trigger<Object, Window> trigger;
    private transient List<StateDescriptor<?>> mergeable;
    private transient Map<StateDescriptor<?>, org.apache.flink.api.common.state.StateDescriptor<?, ?>> flinkDescriptors;

    @SuppressWarnings({"unchecked", "rawtypes"})
    TriggerAdapter(Trigger<?, ?> trigger) {
        this.trigger = (Trigger) trigger;
    }

    private static void collectMergeable(Object o, List<StateDescriptor<?>> out, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object v = f.get(o);
                    if (v instanceof ReducingStateDescriptor<?> || v instanceof AggregatingStateDescriptor<?, ?, ?>
                            || v instanceof ListStateDescriptor<?>) {
                        out.add((StateDescriptor<?>) v);
                    } else if (v instanceof Trigger<?, ?>) {
                        collectMergeable(v, out, seen); // a PurgingTrigger's nested trigger
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field we may not read cannot hold the trigger's own descriptors
                }
            }
        }
    }

    private org.apache.flink.api.common.state.StateDescriptor<?, ?> flink(StateDescriptor<?> d) {
        if (flinkDescriptors == null) {
            flinkDescriptors = new IdentityHashMap<>();
        }
        return flinkDescriptors.computeIfAbsent(d, FlinkDescriptors::of);
    }

    private static org.apache.flink.streaming.api.windowing.triggers.TriggerResult toFlink(TriggerResult r) {
        return org.apache.flink.streaming.api.windowing.triggers.TriggerResult.valueOf(r.name());
    }

    @Override
    public org.apache.flink.streaming.api.windowing.triggers.TriggerResult onElement(Object element, long timestamp, W window,
            TriggerContext ctx) throws Exception {
        return toFlink(trigger.onElement(element, timestamp, Windows.toRunnel(window), new Context(ctx)));
    }

    @Override
    public org.apache.flink.streaming.api.windowing.triggers.TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
            throws Exception {
        return toFlink(trigger.onProcessingTime(time, Windows.toRunnel(window), new Context(ctx)));
    }

    @Override
    public org.apache.flink.streaming.api.windowing.triggers.TriggerResult onEventTime(long time, W window, TriggerContext ctx)
            throws Exception {
        return toFlink(trigger.onEventTime(time, Windows.toRunnel(window), new Context(ctx)));
    }

    @Override
    public boolean canMerge() {
        return trigger.canMerge();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        if (mergeable == null) {
            mergeable = new ArrayList<>();
            collectMergeable(trigger, mergeable, new IdentityHashMap<>());
        }
        for (StateDescriptor<?> d : mergeable) {
            ctx.mergePartitionedState((org.apache.flink.api.common.state.StateDescriptor) flink(d));
        }
        trigger.onMerge(Windows.toRunnel(window), new Context(ctx));
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        trigger.clear(Windows.toRunnel(window), new Context(ctx));
    }

    @Override
    public String toString() {
        return trigger.toString();
    }

    /** Runnel's trigger context over Flink's. */
    private final class Context implements Trigger.TriggerContext {
        private final TriggerContext flinkCtx;

        Context(TriggerContext flinkCtx) {
            this.flinkCtx = flinkCtx;
        }

        @Override
        public long getCurrentProcessingTime() {
            return flinkCtx.getCurrentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return flinkCtx.getCurrentWatermark();
        }

        @Override
        public void registerEventTimeTimer(long time) {
            flinkCtx.registerEventTimeTimer(time);
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            flinkCtx.registerProcessingTimeTimer(time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            flinkCtx.deleteEventTimeTimer(time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            flinkCtx.deleteProcessingTimeTimer(time);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <S extends State> S getPartitionedState(StateDescriptor<?> d) {
            return (S) StateAdapters.wrap(d, flinkCtx.getPartitionedState((org.apache.flink.api.common.state.StateDescriptor) flink(d)));
        }
    }
}
