package dev.runnel.flink;

import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.state.StateTtlConfig;
import dev.runnel.api.state.ValueStateDescriptor;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.ReduceFunction;

/** Runnel state descriptors as Flink's: same name, TTL carried over, values written by {@link AnySerializer}. */
final class FlinkDescriptors {
    private FlinkDescriptors() {}

    static org.apache.flink.api.common.state.ValueStateDescriptor<Object> value(ValueStateDescriptor<?> d) {
        return withTtl(new org.apache.flink.api.common.state.ValueStateDescriptor<>(d.getName(), AnyType.INSTANCE), d);
    }

    static org.apache.flink.api.common.state.ListStateDescriptor<Object> list(ListStateDescriptor<?> d) {
        return withTtl(new org.apache.flink.api.common.state.ListStateDescriptor<>(d.getName(), AnyType.INSTANCE), d);
    }

    static org.apache.flink.api.common.state.MapStateDescriptor<Object, Object> map(MapStateDescriptor<?, ?> d) {
        return withTtl(new org.apache.flink.api.common.state.MapStateDescriptor<>(d.getName(), AnyType.INSTANCE, AnyType.INSTANCE), d);
    }

    @SuppressWarnings("unchecked")
    static org.apache.flink.api.common.state.ReducingStateDescriptor<Object> reducing(ReducingStateDescriptor<?> d) {
        ReduceFunction<Object> reduce = new FlinkReduce((dev.runnel.api.functions.ReduceFunction<Object>) d.getReduceFunction());
        return withTtl(new org.apache.flink.api.common.state.ReducingStateDescriptor<>(d.getName(), reduce, AnyType.INSTANCE), d);
    }

    @SuppressWarnings("unchecked")
    static org.apache.flink.api.common.state.AggregatingStateDescriptor<Object, Object, Object> aggregating(
            AggregatingStateDescriptor<?, ?, ?> d) {
        AggregateFunction<Object, Object, Object> agg =
            new FlinkAggregate((dev.runnel.api.functions.AggregateFunction<Object, Object, Object>) d.getAggregateFunction());
        return withTtl(new org.apache.flink.api.common.state.AggregatingStateDescriptor<>(d.getName(), agg, AnyType.INSTANCE), d);
    }

    /** The Flink descriptor of any Runnel descriptor. */
    static org.apache.flink.api.common.state.StateDescriptor<?, ?> of(StateDescriptor<?> d) {
        if (d instanceof ValueStateDescriptor<?> v) {
            return value(v);
        } else if (d instanceof ListStateDescriptor<?> l) {
            return list(l);
        } else if (d instanceof MapStateDescriptor<?, ?> m) {
            return map(m);
        } else if (d instanceof ReducingStateDescriptor<?> r) {
            return reducing(r);
        } else if (d instanceof AggregatingStateDescriptor<?, ?, ?> a) {
            return aggregating(a);
        }
        throw new IllegalArgumentException("Unknown state descriptor " + d);
    }

    /**
     * Flink's TTL is in processing time, never returns expired values and (with the settings below)
     * expires list elements and map entries one by one, where Runnel expires a whole list or map
     * (docs/flink-runner.md).
     */
    private static <D extends org.apache.flink.api.common.state.StateDescriptor<?, ?>> D withTtl(D flink, StateDescriptor<?> runnel) {
        StateTtlConfig ttl = runnel.getTtlConfig();
        if (ttl != null) {
            flink.enableTimeToLive(org.apache.flink.api.common.state.StateTtlConfig.newBuilder(ttl.getTtl())
                .setUpdateType(ttl.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite
                    ? org.apache.flink.api.common.state.StateTtlConfig.UpdateType.OnReadAndWrite
                    : org.apache.flink.api.common.state.StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(org.apache.flink.api.common.state.StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        }
        return flink;
    }
}
