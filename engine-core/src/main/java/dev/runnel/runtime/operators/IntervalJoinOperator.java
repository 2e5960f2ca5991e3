package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ProcessJoinFunction;
import dev.runnel.api.plan.IntervalJoinSpec;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.OperatorException;
import dev.runnel.runtime.Output;
import dev.runnel.state.KeyedRuntimeContext;

/**
 * Flink's interval join ({@code IntervalJoinOperator}): a left element at {@code l} joins the right
 * elements of its key at {@code r} with {@code l + lower <= r <= l + upper}, whichever arrives first.
 * Each element is buffered in its key's state (a {@link JoinBuffer} per side) and joined with the
 * other side's buffer when it arrives. An element whose timestamp is below the watermark is late:
 * dropped (or sent to its side's late-data output) without joining.
 *
 * <p>Cleanup as Flink: a left element at {@code l} is dropped when the watermark reaches
 * {@code l + upper} (or {@code l} when {@code upper <= 0}), a right element at {@code r} at
 * {@code r - lower} (or {@code r} when {@code lower >= 0}). Like Flink, this drops a left element
 * when the watermark equals {@code l + upper}, although a right element at exactly that timestamp
 * is not yet late. Flink registers a timer per key, side and element timestamp; here each key and
 * side has one timer, at its earliest element's cleanup time, which when it fires drops every
 * element whose cleanup time the watermark has reached and re-arms for the next one. The buffer is
 * the same after every watermark as with Flink's timers (all of which up to the watermark fire
 * before the next element), with one timer registration per key and watermark instead of one per
 * element.
 */
public final class IntervalJoinOperator<K, IN1, IN2, OUT> extends KeyedCoOperator<K, IN1, IN2, OUT> {
    /** Timer namespaces: which side's buffer a cleanup timer empties (Flink's CLEANUP_NAMESPACE_LEFT/RIGHT). */
    static final String LEFT = "CLEANUP_LEFT";
    static final String RIGHT = "CLEANUP_RIGHT";

    private final ProcessJoinFunction<IN1, IN2, OUT> function;
    private final long lower;
    private final long upper;
    /** How long after its timestamp the watermark must be for an element to be dropped, per side. */
    private final long leftDelay;
    private final long rightDelay;
    private final OutputTag<IN1> leftLateTag;
    private final OutputTag<IN2> rightLateTag;
    private ValueState<JoinBuffer> leftBuffer;
    private ValueState<JoinBuffer> rightBuffer;
    private TimestampedCollector<OUT> collector;
    private ContextImpl ctx;

    public IntervalJoinOperator(KeySelector<IN1, K> key1, KeySelector<IN2, K> key2, IntervalJoinSpec<IN1, IN2, OUT> spec) {
        super(key1, key2);
        this.function = spec.function();
        this.lower = spec.lowerBound();
        this.upper = spec.upperBound();
        this.leftDelay = Math.max(upper, 0);
        this.rightDelay = Math.max(-lower, 0);
        this.leftLateTag = spec.leftLateDataTag();
        this.rightLateTag = spec.rightLateDataTag();
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        collector = new TimestampedCollector<>(output);
        ctx = new ContextImpl(function);
        KeyedRuntimeContext state = new KeyedRuntimeContext(context, backend);
        // Flink's state names, so that savepoint tooling sees the same names
        leftBuffer = state.getState(new ValueStateDescriptor<>("LEFT_BUFFER", JoinBuffer.class));
        rightBuffer = state.getState(new ValueStateDescriptor<>("RIGHT_BUFFER", JoinBuffer.class));
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(function, new KeyedRuntimeContext(context, backend));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    @Override
    protected void element1(IN1 value, long timestamp) {
        checkTimestamp(value, timestamp);
        if (timestamp < currentWatermark) {
            late(leftLateTag, value, timestamp);
            return;
        }
        if (buffer(leftBuffer).add(value, timestamp)) {
            eventTimers.register(currentKey, LEFT, saturatedAdd(timestamp, leftDelay));
        }
        JoinBuffer rights = rightBuffer.value();
        if (rights != null) {
            long to = saturatedAdd(timestamp, upper);
            for (int i = rights.firstAtOrAfter(saturatedAdd(timestamp, lower)); i < rights.end() && rights.timestamp(i) <= to; i++) {
                join(value, unchecked(rights.element(i)), timestamp, rights.timestamp(i));
            }
        }
    }

    @Override
    protected void element2(IN2 value, long timestamp) {
        checkTimestamp(value, timestamp);
        if (timestamp < currentWatermark) {
            late(rightLateTag, value, timestamp);
            return;
        }
        if (buffer(rightBuffer).add(value, timestamp)) {
            eventTimers.register(currentKey, RIGHT, saturatedAdd(timestamp, rightDelay));
        }
        JoinBuffer lefts = leftBuffer.value();
        if (lefts != null) {
            // left elements l with l + lower <= r <= l + upper, i.e. r - upper <= l <= r - lower
            long to = saturatedAdd(timestamp, -lower);
            for (int i = lefts.firstAtOrAfter(saturatedAdd(timestamp, -upper)); i < lefts.end() && lefts.timestamp(i) <= to; i++) {
                join(unchecked(lefts.element(i)), value, lefts.timestamp(i), timestamp);
            }
        }
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {
        if (LEFT.equals(namespace)) {
            cleanup(leftBuffer, LEFT, leftDelay);
        } else if (RIGHT.equals(namespace)) {
            cleanup(rightBuffer, RIGHT, rightDelay);
        } else {
            throw new IllegalStateException("internal: interval join timer with unknown namespace " + namespace);
        }
    }

    /**
     * Drops the elements whose cleanup time ({@code timestamp + delay}) the watermark has reached and
     * re-arms the side's timer for the earliest one left. A timer left over from an element that
     * stopped being the earliest (an older one arrived) fires later and finds nothing to do but re-arm.
     */
    private void cleanup(ValueState<JoinBuffer> state, String side, long delay) {
        JoinBuffer buffer = state.value();
        if (buffer == null) {
            return;
        }
        // at the final watermark everything goes, also elements whose cleanup time saturates at Long.MAX_VALUE
        buffer.removeThrough(currentWatermark == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(currentWatermark, -delay));
        if (buffer.isEmpty()) {
            state.clear(); // a key with nothing buffered keeps no state
        } else {
            eventTimers.register(currentKey, side, saturatedAdd(buffer.firstTimestamp(), delay));
        }
    }

    private void join(IN1 left, IN2 right, long leftTimestamp, long rightTimestamp) {
        long result = Math.max(leftTimestamp, rightTimestamp);
        collector.setTimestamp(result);
        ctx.left = leftTimestamp;
        ctx.right = rightTimestamp;
        ctx.result = result;
        try {
            function.processElement(left, right, ctx, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, result, "(" + OperatorException.abbreviate(left) + ", " + OperatorException.abbreviate(right) + ")");
        }
    }

    private static JoinBuffer buffer(ValueState<JoinBuffer> state) {
        JoinBuffer buffer = state.value();
        if (buffer == null) {
            buffer = new JoinBuffer();
            state.update(buffer);
        }
        return buffer;
    }

    private <T> void late(OutputTag<T> tag, T value, long timestamp) {
        context.lateRecord(tag, value, timestamp);
    }

    private void checkTimestamp(Object value, long timestamp) {
        if (timestamp == NO_TIMESTAMP) {
            throw new OperatorException("Interval join '" + context.name() + "' got record " + OperatorException.abbreviate(value)
                + " without a timestamp: elements of an interval join need event timestamps (assign them with a WatermarkStrategy)", null);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T unchecked(Object o) {
        return (T) o;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /** Late counts are part of the operator's state, as in the window operators. */
    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        out.writeLong(metrics.lateRecordsDropped);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        metrics.lateRecordsDropped += in.readLong();
    }

    private final class ContextImpl extends ProcessJoinFunction<IN1, IN2, OUT>.Context {
        long left;
        long right;
        long result;

        ContextImpl(ProcessJoinFunction<IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public long getLeftTimestamp() {
            return left;
        }

        @Override
        public long getRightTimestamp() {
            return right;
        }

        @Override
        public long getTimestamp() {
            return result;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, result);
        }
    }
}
