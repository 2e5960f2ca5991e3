package dev.runnel.api.functions;

/**
 * Flink's sink interface, for ported programs: implement {@link #invoke(Object, Context)} (with the
 * record's timestamp and the current watermark) or {@link #invoke(Object)}. Runnel's own
 * {@link Sink} is its functional form; both go to {@code addSink}.
 */
public interface SinkFunction<IN> extends Sink<IN> {

    /** Called for each record unless {@link #invoke(Object, Context)} is overridden. */
    @Override
    default void invoke(IN value) throws Exception {}

    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** What a sink sees of the record it writes and of time. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The record's timestamp, or {@code null} if it has none. */
        Long timestamp();
    }
}
