package dev.runnel.api;

import dev.runnel.api.functions.RichFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each parallel subtask its own instance of a stateful function. Rich functions (with
 * open/close, typically holding state handles in fields) are copied by Java serialization for
 * subtasks above 0, once at job start; other functions, sinks included, are shared and must be
 * thread-safe when parallelism is above one.
 */
final class Functions {
    private static final Logger LOG = LoggerFactory.getLogger(Functions.class);

    private Functions() {}

    @SuppressWarnings("unchecked")
    static <F> F copyFor(int subtask, F function) {
        if (subtask == 0 || !(function instanceof RichFunction)) {
            return function;
        }
        if (!(function instanceof Serializable)) {
            LOG.warn("{} is not Serializable: all parallel subtasks share one instance", function.getClass().getName());
            return function;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(function);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (F) in.readObject();
            }
        } catch (Exception e) {
            LOG.warn("Could not copy {} for subtask {} ({}); subtasks share one instance",
                function.getClass().getName(), subtask, e.toString());
            return function;
        }
    }
}
