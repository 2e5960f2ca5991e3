package dev.runnel.window;

import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.StateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the trigger state of session windows that merge, slot by slot, as Flink's
 * {@code mergePartitionedState} does for merging state: reducing state with its reduce function,
 * aggregating state with the aggregate function's {@code merge}, list state by concatenation;
 * value and map state keep the value of the earliest window that has one.
 */
final class TriggerStateMerge {
    private TriggerStateMerge() {}

    /**
     * Merges {@code source} into {@code target} (either may be null); slot {@code i} holds the state
     * of {@code descriptors.get(i)}. Returns the merged slots: {@code target} itself when it is large
     * enough, else a grown copy; a copy of {@code source} when {@code target} is null.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object[] merge(List<StateDescriptor<?>> descriptors, Object[] target, Object[] source) throws Exception {
        if (source == null) {
            return target;
        }
        if (target == null) {
            return source.clone();
        }
        Object[] out = target.length >= source.length ? target : Arrays.copyOf(target, source.length);
        for (int i = 0; i < source.length; i++) {
            if (source[i] == null) {
                continue;
            }
            if (out[i] == null) {
                out[i] = source[i];
            } else if (descriptors.get(i) instanceof ReducingStateDescriptor<?> rd) {
                out[i] = ((ReducingStateDescriptor) rd).getReduceFunction().reduce(out[i], source[i]);
            } else if (descriptors.get(i) instanceof AggregatingStateDescriptor ad) {
                out[i] = ad.getAggregateFunction().merge(out[i], source[i]);
            } else if (out[i] instanceof List a && source[i] instanceof List b) { // list state: concatenate
                List merged = new ArrayList<>(a.size() + b.size());
                merged.addAll(a);
                merged.addAll(b);
                out[i] = merged;
            }
        }
        return out;
    }
}
