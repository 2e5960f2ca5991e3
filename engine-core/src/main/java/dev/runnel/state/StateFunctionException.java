package dev.runnel.state;

/** A checked exception thrown by a user function called from inside a state handle (e.g. a reduce). */
public final class StateFunctionException extends RuntimeException {
    public StateFunctionException(Throwable cause) {
        super(cause.toString(), cause);
    }
}
