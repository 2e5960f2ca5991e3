package dev.runnel.api.functions;

/**
 * Lifecycle hooks for user functions. Any function object may implement this; the runtime calls
 * the {@code open} methods once per parallel instance before the first record — first
 * {@link #open(RuntimeContext)}, then Flink's {@link #open(OpenContext)} — and {@link #close} after
 * the last. Extend {@link AbstractRichFunction} (or {@code RichMapFunction}, ...) to reach the
 * context through {@code getRuntimeContext()} as in Flink.
 */
public interface RichFunction extends java.io.Serializable {
    /** Runnel's form: the runtime context is the argument. */
    default void open(RuntimeContext context) throws Exception {}

    /** Flink 1.19+'s form; the runtime context is available from {@code getRuntimeContext()}. */
    default void open(OpenContext openContext) throws Exception {}

    default void close() throws Exception {}
}
