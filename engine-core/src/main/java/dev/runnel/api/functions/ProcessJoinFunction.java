package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;

/**
 * Joins the pairs an interval join finds ({@code left.keyBy(..).intervalJoin(right.keyBy(..))
 * .between(lower, upper).process(fn)}): called once per pair of one key whose right timestamp lies
 * in {@code [left + lower, left + upper]}. Results carry the larger of the two timestamps.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> implements RichFunction {

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** The pair being joined. */
    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The result's timestamp: the larger of the left and right timestamps. */
        public abstract long getTimestamp();

        /** Emits to a side output, with the result's timestamp. */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
