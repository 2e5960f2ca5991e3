package dev.runnel.runtime.operators;

import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;

/** Opens and closes user functions that implement {@link RichFunction}. */
public final class UserFunctions {
    private UserFunctions() {}

    public static void open(Object function, RuntimeContext context) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.open(context);
        }
    }

    public static void close(Object function) throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }
}
