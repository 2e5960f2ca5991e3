package dev.runnel.api.plan;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.state.MapStateDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * A step with two inputs, each applying one user function (co-map, co-flatMap, co-process, and the
 * broadcast variants); {@link #kind()} says which. Both inputs keyed ({@code connect} of two keyed
 * streams or {@code keyBy(k1, k2)}): records of one key of either input meet in one instance. With
 * {@link #broadcastDescriptors()} the second input is broadcast to every instance.
 */
public final class TwoInputNode<IN1, IN2, OUT> extends PlanNode<OUT> {
    /** The user's function type. */
    public enum Kind {
        /** {@code CoMapFunction}. */
        CO_MAP,
        /** {@code CoFlatMapFunction}. */
        CO_FLAT_MAP,
        /** {@code CoProcessFunction}. */
        CO_PROCESS,
        /** {@code KeyedCoProcessFunction}, both inputs keyed. */
        KEYED_CO_PROCESS,
        /** {@code BroadcastProcessFunction}, second input broadcast. */
        BROADCAST_PROCESS,
        /** {@code KeyedBroadcastProcessFunction}, first input keyed, second broadcast. */
        KEYED_BROADCAST_PROCESS,
        /** Interval join of two keyed streams; the function is an {@link IntervalJoinSpec}. */
        INTERVAL_JOIN,
        /**
         * A step defined by an extension module (e.g. engine-cep's dynamic patterns): {@link #function()}
         * is that module's description of it, and the module's {@code LocalPlanningRule} plans it. The
         * second input is broadcast when broadcast descriptors are given.
         */
        EXTENSION
    }

    private final Kind kind;
    private final Object function;
    private final KeySelector<IN1, ?> keySelector1;
    private final KeySelector<IN2, ?> keySelector2;
    private final List<MapStateDescriptor<?, ?>> broadcastDescriptors;

    public TwoInputNode(PlanNode<IN1> input1, PlanNode<IN2> input2, String name, Kind kind, Object function,
            KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2, List<MapStateDescriptor<?, ?>> broadcastDescriptors) {
        super(name, List.of(input1, input2));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.function = Objects.requireNonNull(function, "function");
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
        this.broadcastDescriptors = List.copyOf(broadcastDescriptors);
    }

    public Kind kind() {
        return kind;
    }

    /** The user's function, of the interface {@link #kind()} names. */
    public Object function() {
        return function;
    }

    /** The key of input {@code index} (0 or 1), {@code null} when that input is not keyed. */
    public KeySelector<?, ?> keySelector(int index) {
        return index == 0 ? keySelector1 : keySelector2;
    }

    public boolean keyed() {
        return keySelector1 != null;
    }

    /** Whether the second input is broadcast: every parallel instance receives all of it. */
    public boolean broadcastsSecond() {
        return kind == Kind.BROADCAST_PROCESS || kind == Kind.KEYED_BROADCAST_PROCESS
            || (kind == Kind.EXTENSION && !broadcastDescriptors.isEmpty());
    }

    /** The broadcast state the function may use, as declared with {@code broadcast(descriptors...)}. */
    public List<MapStateDescriptor<?, ?>> broadcastDescriptors() {
        return broadcastDescriptors;
    }
}
