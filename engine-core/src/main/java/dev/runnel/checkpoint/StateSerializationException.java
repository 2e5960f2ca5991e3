package dev.runnel.checkpoint;

/** A state value that cannot be written to (or read from) a checkpoint; the message names the state and type. */
public final class StateSerializationException extends RuntimeException {
    public StateSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
