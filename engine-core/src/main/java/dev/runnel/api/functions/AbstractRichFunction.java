package dev.runnel.api.functions;

/**
 * Base of rich functions with Flink's {@link #getRuntimeContext()}: the runtime sets the context
 * before calling {@code open}, so {@code open(OpenContext)} can create state handles through it.
 */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext runtimeContext;

    /** Called by the runtime before {@code open}. */
    public void setRuntimeContext(RuntimeContext runtimeContext) {
        this.runtimeContext = runtimeContext;
    }

    /** The context of the operator instance running this function; available from {@code open} on. */
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context has not been initialized: it is available from open(...) on, "
                + "not in the constructor");
        }
        return runtimeContext;
    }
}
