package dev.runnel.examples.cli;

/** A wrong command line: the CLI prints the message on one line and exits with code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
