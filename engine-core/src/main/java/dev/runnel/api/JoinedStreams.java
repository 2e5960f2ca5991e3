package dev.runnel.api;

import dev.runnel.api.CoGroupedStreams.TaggedUnion;
import dev.runnel.api.functions.CoGroupFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.FlatJoinFunction;
import dev.runnel.api.functions.JoinFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code a.join(b).where(keyA).equalTo(keyB).window(assigner).apply(JoinFunction)}: per key and
 * window, every pair of an element of {@code a} and one of {@code b} (an inner join: a window with
 * elements of one side only emits nothing). As in Flink, a co-group whose function forms the cross
 * product, first input outer, second inner, each in window order. Results carry the window's
 * {@code maxTimestamp}.
 */
public final class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
        if (input1.environment() != input2.environment()) {
            throw new IllegalArgumentException("Cannot join streams of different StreamEnvironments");
        }
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(Objects.requireNonNull(keySelector, "keySelector"));
    }

    public final class Where<KEY> {
        private final KeySelector<T1, KEY> key1;

        Where(KeySelector<T1, KEY> key1) {
            this.key1 = key1;
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(Objects.requireNonNull(keySelector, "keySelector"));
        }

        public final class EqualTo {
            private final KeySelector<T2, KEY> key2;

            EqualTo(KeySelector<T2, KEY> key2) {
                this.key2 = key2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(new CoGroupedStreams<>(input1, input2).where(key1).equalTo(key2).window(assigner));
            }
        }
    }

    /** A join with its window; {@link #apply} gives the function. */
    public static final class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
            this.coGroup = coGroup;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            coGroup.trigger(newTrigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        public <T> DataStream<T> apply(JoinFunction<T1, T2, T> function) {
            Objects.requireNonNull(function, "function");
            return coGroup.build("Join", function instanceof RichFunction ? new RichJoinCoGroup<>(function) : new JoinCoGroup<>(function));
        }

        public <T> DataStream<T> apply(FlatJoinFunction<T1, T2, T> function) {
            Objects.requireNonNull(function, "function");
            return coGroup.build("Join",
                function instanceof RichFunction ? new RichFlatJoinCoGroup<>(function) : new FlatJoinCoGroup<>(function));
        }

        /** Flink's deprecated alias of {@link #apply(JoinFunction)}. */
        public <T> DataStream<T> with(JoinFunction<T1, T2, T> function) {
            return apply(function);
        }

        /** Flink's deprecated alias of {@link #apply(FlatJoinFunction)}. */
        public <T> DataStream<T> with(FlatJoinFunction<T1, T2, T> function) {
            return apply(function);
        }
    }

    /** The cross product of a window's two sides through a {@link JoinFunction} (Flink's JoinCoGroupFunction). */
    static class JoinCoGroup<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        final JoinFunction<T1, T2, T> function;

        JoinCoGroup(JoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    out.collect(function.join(a, b));
                }
            }
        }
    }

    /** The cross product of a window's two sides through a {@link FlatJoinFunction} (Flink's FlatJoinCoGroupFunction). */
    static class FlatJoinCoGroup<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        final FlatJoinFunction<T1, T2, T> function;

        FlatJoinCoGroup(FlatJoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    function.join(a, b, out);
                }
            }
        }
    }

    static final class RichJoinCoGroup<T1, T2, T> extends JoinCoGroup<T1, T2, T> implements RichFunction {
        private static final long serialVersionUID = 1L;

        RichJoinCoGroup(JoinFunction<T1, T2, T> function) {
            super(function);
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            ((RichFunction) function).open(context);
        }

        @Override
        public void close() throws Exception {
            ((RichFunction) function).close();
        }
    }

    static final class RichFlatJoinCoGroup<T1, T2, T> extends FlatJoinCoGroup<T1, T2, T> implements RichFunction {
        private static final long serialVersionUID = 1L;

        RichFlatJoinCoGroup(FlatJoinFunction<T1, T2, T> function) {
            super(function);
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            ((RichFunction) function).open(context);
        }

        @Override
        public void close() throws Exception {
            ((RichFunction) function).close();
        }
    }
}
