package dev.runnel.cep;

import dev.runnel.api.DataStream;
import dev.runnel.api.KeyedStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.SingleOutputStreamOperator;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.typeinfo.TypeInformation;
import dev.runnel.api.types.Either;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.nfa.NfaCompiler;
import dev.runnel.cep.operator.SelectAdapters;
import dev.runnel.cep.pattern.Pattern;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stream of pattern matches waiting for the function that turns them into results ({@link #process},
 * {@link #select}, {@link #flatSelect}). Configuration methods return a new PatternStream.
 * Event time is the default: events are matched in timestamp order once the watermark passes them.
 */
public final class PatternStream<T> {
    static final String OPERATOR_NAME = "Pattern";
    /** Numbers the internal side outputs of the Either-returning selects, so that two patterns never share one. */
    private static final AtomicLong EITHER_TAGS = new AtomicLong();

    private final DataStream<T> input;
    private final Pattern<T, ?> pattern;
    private final EventComparator<T> comparator;
    private final OutputTag<T> lateDataTag;
    private final boolean processingTime;

    PatternStream(DataStream<T> input, Pattern<T, ?> pattern, EventComparator<T> comparator) {
        this(Objects.requireNonNull(input, "input"), pattern, comparator, null, false);
        NfaCompiler.compile(pattern); // fails fast on a malformed pattern, where the user builds it
    }

    private PatternStream(DataStream<T> input, Pattern<T, ?> pattern, EventComparator<T> comparator,
            OutputTag<T> lateDataTag, boolean processingTime) {
        this.input = input;
        this.pattern = pattern;
        this.comparator = comparator;
        this.lateDataTag = lateDataTag;
        this.processingTime = processingTime;
    }

    /** Match events as they arrive, measuring {@code within} on the environment's clock. */
    public PatternStream<T> inProcessingTime() {
        return new PatternStream<>(input, pattern, comparator, lateDataTag, true);
    }

    public PatternStream<T> inEventTime() {
        return new PatternStream<>(input, pattern, comparator, lateDataTag, false);
    }

    /** Events at or behind the watermark go to this side output instead of being dropped (and counted). */
    public PatternStream<T> sideOutputLateData(OutputTag<T> lateDataTag) {
        return new PatternStream<>(input, pattern, comparator, Objects.requireNonNull(lateDataTag, "lateDataTag"),
            processingTime);
    }

    public <R> SingleOutputStreamOperator<R> process(PatternProcessFunction<T, R> function) {
        Objects.requireNonNull(function, "function");
        return attach(function, true);
    }

    public <R> SingleOutputStreamOperator<R> select(PatternSelectFunction<T, R> function) {
        Objects.requireNonNull(function, "function");
        return attach(SelectAdapters.select(function), false);
    }

    /** As {@link #select(PatternSelectFunction)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <R> DataStream<R> select(PatternSelectFunction<T, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        return select(function);
    }

    /**
     * Flink's (deprecated) form without a side output: timed-out partial matches as {@link Either#Left}
     * and matches as {@link Either#Right}, in one stream (as in Flink, the two reach it through an
     * internal side output and a union).
     */
    public <L, R> DataStream<Either<L, R>> select(PatternTimeoutFunction<T, L> timeoutFunction,
            PatternSelectFunction<T, R> function) {
        Objects.requireNonNull(timeoutFunction, "timeoutFunction");
        Objects.requireNonNull(function, "function");
        OutputTag<Either<L, R>> timedOut = eitherTag();
        DataStream<Either<L, R>> matches = attach(SelectAdapters.selectWithTimeout(
            match -> Either.<L, R>Right(function.select(match)), timedOut,
            (match, timestamp) -> Either.<L, R>Left(timeoutFunction.timeout(match, timestamp))), false);
        return matches.union(matches.getSideOutput(timedOut));
    }

    /** As {@link #select(PatternTimeoutFunction, PatternSelectFunction)}, each function emitting any number of results. */
    public <L, R> DataStream<Either<L, R>> flatSelect(PatternFlatTimeoutFunction<T, L> timeoutFunction,
            PatternFlatSelectFunction<T, R> function) {
        Objects.requireNonNull(timeoutFunction, "timeoutFunction");
        Objects.requireNonNull(function, "function");
        OutputTag<Either<L, R>> timedOut = eitherTag();
        DataStream<Either<L, R>> matches = attach(SelectAdapters.flatSelectWithTimeout(
            (match, out) -> function.flatSelect(match, value -> out.collect(Either.<L, R>Right(value))), timedOut,
            (match, timestamp, out) -> timeoutFunction.timeout(match, timestamp, value -> out.collect(Either.<L, R>Left(value)))),
            false);
        return matches.union(matches.getSideOutput(timedOut));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <L, R> OutputTag<Either<L, R>> eitherTag() {
        return new OutputTag<>("cep-timed-out-" + EITHER_TAGS.incrementAndGet(), (Class) Either.class);
    }

    /** Matches to the main output, timed-out partial matches (via {@code timeoutFunction}) to {@code timedOutTag}. */
    public <L, R> SingleOutputStreamOperator<R> select(OutputTag<L> timedOutTag, PatternTimeoutFunction<T, L> timeoutFunction,
            PatternSelectFunction<T, R> function) {
        Objects.requireNonNull(timedOutTag, "timedOutTag");
        Objects.requireNonNull(timeoutFunction, "timeoutFunction");
        Objects.requireNonNull(function, "function");
        return attach(SelectAdapters.selectWithTimeout(function, timedOutTag, timeoutFunction), false);
    }

    public <R> SingleOutputStreamOperator<R> flatSelect(PatternFlatSelectFunction<T, R> function) {
        Objects.requireNonNull(function, "function");
        return attach(SelectAdapters.flatSelect(function), false);
    }

    /** As {@link #flatSelect(PatternFlatSelectFunction)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <R> SingleOutputStreamOperator<R> flatSelect(PatternFlatSelectFunction<T, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        return flatSelect(function);
    }

    /** As {@link #process(PatternProcessFunction)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <R> SingleOutputStreamOperator<R> process(PatternProcessFunction<T, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        return process(function);
    }

    public <L, R> SingleOutputStreamOperator<R> flatSelect(OutputTag<L> timedOutTag, PatternFlatTimeoutFunction<T, L> timeoutFunction,
            PatternFlatSelectFunction<T, R> function) {
        Objects.requireNonNull(timedOutTag, "timedOutTag");
        Objects.requireNonNull(timeoutFunction, "timeoutFunction");
        Objects.requireNonNull(function, "function");
        return attach(SelectAdapters.flatSelectWithTimeout(function, timedOutTag, timeoutFunction), false);
    }

    private <R> SingleOutputStreamOperator<R> attach(PatternProcessFunction<T, R> function, boolean copyPerSubtask) {
        KeySelector<T, ?> key = input instanceof KeyedStream<T, ?> keyed ? keyed.keySelector() : null;
        return input.append(new PatternNode<>(input.node(), OPERATOR_NAME, key, pattern, comparator, lateDataTag,
            processingTime, function, copyPerSubtask));
    }
}
