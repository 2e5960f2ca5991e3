package dev.runnel.runtime.graph;

import dev.runnel.api.functions.RichFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Gives each parallel subtask its own instance of a stateful function. Rich functions (with
 * open/close, typically holding state handles in fields) are copied by Java serialization for
 * subtasks above 0, once at job start; sharing one instance would let subtasks overwrite each
 * other's state handles, so a rich function that cannot be copied fails the job at start with a
 * message saying how to fix it. Other functions, sinks included, are shared and must be
 * thread-safe when parallelism is above one.
 */
public final class FunctionCopies {
    private FunctionCopies() {}

    /** A copy for {@code subtask} if the function is a {@code RichFunction}; other functions are shared. */
    public static <F> F copyFor(int subtask, F function) {
        if (subtask == 0 || !(function instanceof RichFunction)) {
            return function;
        }
        return copy(subtask, function);
    }

    /** A copy for every subtask above 0, rich or not (functions that may keep state in plain fields). */
    public static <F> F copyAlways(int subtask, F function) {
        return subtask == 0 ? function : copy(subtask, function);
    }

    @SuppressWarnings("unchecked")
    private static <F> F copy(int subtask, F function) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(function);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (F) in.readObject();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Function " + function.getClass().getName() + " cannot be copied for parallel subtask "
                + subtask + " (" + e + "). At parallelism above 1 every subtask needs its own instance: make the function a "
                + "static nested or top-level class whose fields are Serializable (or transient and set in open()).", e);
        }
    }
}
