package dev.runnel.api.functions;

/**
 * Lifecycle hooks for user functions. Any function object may implement this; the runtime calls
 * {@link #open} once per parallel instance before the first record and {@link #close} after the last.
 */
public interface RichFunction extends java.io.Serializable {
    default void open(RuntimeContext context) throws Exception {}

    default void close() throws Exception {}
}
