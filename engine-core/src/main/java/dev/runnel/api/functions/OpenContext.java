package dev.runnel.api.functions;

/**
 * What {@link RichFunction#open(OpenContext)} receives (Flink 1.19+'s {@code OpenContext}); it
 * carries nothing yet: state and the subtask's identity come from {@code getRuntimeContext()}.
 */
public interface OpenContext {
    /** The context every open call gets. */
    OpenContext DEFAULT = new OpenContext() {
        @Override
        public String toString() {
            return "OpenContext";
        }
    };
}
