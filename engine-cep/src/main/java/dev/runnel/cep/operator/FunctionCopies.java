package dev.runnel.cep.operator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Gives each parallel subtask its own copy of a user's pattern process function (it may keep state
 * in fields), by serialization, as the core does for rich functions.
 */
public final class FunctionCopies {
    private FunctionCopies() {}

    @SuppressWarnings("unchecked")
    public static <F> F copyFor(int subtask, F function) {
        if (subtask == 0) {
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
            throw new IllegalStateException("Pattern function " + function.getClass().getName() + " cannot be copied for parallel subtask "
                + subtask + " (" + e + "). At parallelism above 1 every subtask needs its own instance: make it a static nested or "
                + "top-level class whose fields are Serializable (or transient and set in open()).", e);
        }
    }
}
