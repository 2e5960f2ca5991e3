package dev.runnel.flink;

/** A step of the job that the Flink runner cannot run with the same meaning: refused before anything runs. */
public final class UntranslatableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UntranslatableException(String operator, String reason) {
        super("Cannot run operator '" + operator + "' on Flink: " + reason);
    }
}
