package dev.runnel.runtime.operators;

import dev.runnel.api.functions.AbstractRichFunction;
import dev.runnel.api.functions.OpenContext;
import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;

/**
 * Opens and closes user functions that implement {@link RichFunction}: sets the runtime context of
 * an {@link AbstractRichFunction} (for {@code getRuntimeContext()}), then calls
 * {@code open(RuntimeContext)} and Flink's {@code open(OpenContext)}.
 */
public final class UserFunctions {
    private UserFunctions() {}

    public static void open(Object function, RuntimeContext context) throws Exception {
        if (function instanceof RichFunction rich) {
            if (rich instanceof AbstractRichFunction withContext) {
                withContext.setRuntimeContext(context);
            }
            rich.open(context);
            rich.open(OpenContext.DEFAULT);
        }
    }

    public static void close(Object function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
