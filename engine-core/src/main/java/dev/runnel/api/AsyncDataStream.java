package dev.runnel.api;

import dev.runnel.api.functions.AsyncFunction;
import dev.runnel.api.plan.AsyncNode;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Flink's asynchronous I/O: each record starts a request through an {@link AsyncFunction}, with at
 * most {@code capacity} requests in flight (the input waits when they are all taken), and the
 * results come out with the record's timestamp
 * <ul>
 *   <li>{@code orderedWait}: in the order of the input records;</li>
 *   <li>{@code unorderedWait}: as the requests complete, but never across a watermark: results of
 *       records before a watermark come out before it, those after it after it (Flink's rule).</li>
 * </ul>
 * A request still running after {@code timeout} gets {@link AsyncFunction#timeout} (by default the
 * job fails with a {@code TimeoutException}); a timeout of 0 or less never times out. At the end of
 * the input the operator waits for every request. Requests in flight are not checkpointed, so a job
 * with checkpoints refuses the step (see docs/porting.md).
 */
public final class AsyncDataStream {
    /** Flink's default number of requests in flight. */
    public static final int DEFAULT_QUEUE_CAPACITY = 100;
    private static final String NAME = "async wait operator";

    /** Flink's names for the two orders. */
    public enum OutputMode {
        ORDERED,
        UNORDERED
    }

    private AsyncDataStream() {}

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit) {
        return unorderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity) {
        return add(in, func, timeout, timeUnit, capacity, false);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit) {
        return orderedWait(in, func, timeout, timeUnit, DEFAULT_QUEUE_CAPACITY);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in, AsyncFunction<IN, OUT> func,
            long timeout, TimeUnit timeUnit, int capacity) {
        return add(in, func, timeout, timeUnit, capacity, true);
    }

    private static <IN, OUT> SingleOutputStreamOperator<OUT> add(DataStream<IN> in, AsyncFunction<IN, OUT> func, long timeout,
            TimeUnit timeUnit, int capacity, boolean ordered) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(func, "func");
        Objects.requireNonNull(timeUnit, "timeUnit");
        if (capacity <= 0) {
            throw new IllegalArgumentException("The max number of concurrent async operation should be greater than 0, got " + capacity);
        }
        return in.append(new AsyncNode<>(in.node(), NAME, func, ordered, Math.max(0, timeUnit.toMillis(timeout)), capacity));
    }
}
