package dev.runnel.api;

import dev.runnel.api.functions.CoGroupFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code a.coGroup(b).where(keyA).equalTo(keyB).window(assigner).apply(CoGroupFunction)}: per key
 * and window, all elements of both inputs (one side may be empty), when the window's trigger fires.
 *
 * <p>Planned as Flink plans it: each input is mapped to a {@link TaggedUnion}, the two are united,
 * keyed by the key of whichever side an element came from, and windowed; the window function splits
 * each window's elements back into the two sides. So a window join is an ordinary window in the
 * plan: every window operator path (sliced, sessions, general), trigger, allowed lateness,
 * checkpointing and the Flink runner apply to it unchanged. The price is one small
 * {@code TaggedUnion} per record (measured in docs/windows.md); a dedicated two-input window
 * operator would have avoided it at the cost of a second copy of all window semantics.
 */
public final class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
        if (input1.environment() != input2.environment()) {
            throw new IllegalArgumentException("Cannot coGroup streams of different StreamEnvironments");
        }
    }

    /** The key of the first input's elements. */
    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(Objects.requireNonNull(keySelector, "keySelector"));
    }

    public final class Where<KEY> {
        private final KeySelector<T1, KEY> key1;

        Where(KeySelector<T1, KEY> key1) {
            this.key1 = key1;
        }

        /** The key of the second input's elements; elements with equal keys are grouped together. */
        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(Objects.requireNonNull(keySelector, "keySelector"));
        }

        public final class EqualTo {
            private final KeySelector<T2, KEY> key2;

            EqualTo(KeySelector<T2, KEY> key2) {
                this.key2 = key2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, key1, key2, Objects.requireNonNull(assigner, "assigner"));
            }
        }
    }

    /** A co-group with its window; {@link #apply} gives the function. */
    public static final class WithWindow<T1, T2, KEY, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, KEY> key1;
        private final KeySelector<T2, KEY> key2;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
        private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private long allowedLateness;

        @SuppressWarnings("unchecked")
        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> key1, KeySelector<T2, KEY> key2,
                WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            this.input1 = input1;
            this.input2 = input2;
            this.key1 = key1;
            this.key2 = key2;
            this.assigner = assigner;
            this.trigger = (Trigger<? super TaggedUnion<T1, T2>, ? super W>) assigner.getDefaultTrigger();
        }

        /** Replaces the assigner's default trigger. */
        @SuppressWarnings("unchecked")
        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            Objects.requireNonNull(newTrigger, "trigger");
            WindowedStream.checkTrigger(assigner, newTrigger);
            this.trigger = newTrigger;
            return this;
        }

        /** Keeps windows for {@code lateness} after the watermark passes them; each late element fires its window again. */
        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            this.allowedLateness = WindowedStream.allowedLatenessMillis(assigner, lateness);
            return this;
        }

        public <T> DataStream<T> apply(CoGroupFunction<T1, T2, T> function) {
            return build("CoGroup", Objects.requireNonNull(function, "function"));
        }

        /** Flink's deprecated alias of {@link #apply(CoGroupFunction)}. */
        public <T> DataStream<T> with(CoGroupFunction<T1, T2, T> function) {
            return apply(function);
        }

        <T> DataStream<T> build(String name, CoGroupFunction<T1, T2, T> function) {
            DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(TaggedUnion::one);
            DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(TaggedUnion::two);
            @SuppressWarnings("unchecked")
            DataStream<TaggedUnion<T1, T2>> union = tagged1.union(tagged2);
            KeySelector<TaggedUnion<T1, T2>, KEY> key = new UnionKeySelector<>(key1, key2);
            WindowNode<TaggedUnion<T1, T2>, T, W> node = new WindowNode<>(union.node(), name, key, assigner, trigger,
                allowedLateness, null, null, CoGroupWindowFunction.of(function));
            return union.append(node);
        }
    }

    /**
     * An element of either input on its way through the window (Flink's
     * {@code CoGroupedStreams.TaggedUnion}): exactly one of {@link #getOne()} and {@link #getTwo()}
     * is set.
     */
    public static final class TaggedUnion<T1, T2> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final T1 one;
        private final T2 two;

        private TaggedUnion(T1 one, T2 two) {
            this.one = one;
            this.two = two;
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 value) {
            return new TaggedUnion<>(value, null);
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 value) {
            return new TaggedUnion<>(null, value);
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TaggedUnion<?, ?> t && Objects.equals(one, t.one) && Objects.equals(two, t.two);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(one) + Objects.hashCode(two);
        }

        @Override
        public String toString() {
            return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
        }
    }

    /** The key of a tagged element: the first input's key selector or the second's. */
    private record UnionKeySelector<T1, T2, KEY>(KeySelector<T1, KEY> key1, KeySelector<T2, KEY> key2)
            implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? key1.getKey(value.getOne()) : key2.getKey(value.getTwo());
        }
    }
}
