package dev.runnel.api.functions;

import dev.runnel.api.configuration.Configuration;

/**
 * Lifecycle hooks for user functions. Any function object may implement this; the runtime calls
 * the {@code open} methods once per parallel instance before the first record — first
 * {@link #open(RuntimeContext)}, then Flink's {@link #open(OpenContext)}, which by default calls the
 * deprecated {@link #open(Configuration)} as Flink 1.19 and 1.20 do — and {@link #close} after the
 * last. Extend {@link AbstractRichFunction} (or {@code RichMapFunction}, ...) to reach the context
 * through {@code getRuntimeContext()} as in Flink.
 */
public interface RichFunction extends java.io.Serializable {
    /** Runnel's form: the runtime context is the argument. */
    default void open(RuntimeContext context) throws Exception {}

    /**
     * Flink 1.19+'s form; the runtime context is available from {@code getRuntimeContext()}. By default
     * it calls {@link #open(Configuration)} with an empty configuration, as Flink 1.20's does, so a
     * function written for Flink before 1.19 is opened too.
     */
    default void open(OpenContext openContext) throws Exception {
        open(new Configuration());
    }

    /**
     * Flink's form before 1.19 (deprecated there, removed in Flink 2.0): called with an empty
     * configuration from the default {@link #open(OpenContext)}; a function that overrides
     * {@code open(OpenContext)} is not opened through this one, as in Flink.
     *
     * @deprecated as in Flink; override {@link #open(OpenContext)}.
     */
    @Deprecated
    default void open(Configuration parameters) throws Exception {}

    default void close() throws Exception {}
}
