package dev.runnel.api;

/** A job failed; the message says where (operator, key, timestamp, record) and the cause says why. */
public final class JobExecutionException extends RuntimeException {
    public JobExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
