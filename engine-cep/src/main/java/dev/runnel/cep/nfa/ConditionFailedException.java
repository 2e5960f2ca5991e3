package dev.runnel.cep.nfa;

/** A user condition threw; the operator reports it with key, timestamp and record. */
public final class ConditionFailedException extends RuntimeException {
    public ConditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
