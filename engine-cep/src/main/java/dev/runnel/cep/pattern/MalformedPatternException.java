package dev.runnel.cep.pattern;

/** A pattern that cannot be matched as written; the message names the stage and how to fix it. */
public class MalformedPatternException extends RuntimeException {
    public MalformedPatternException(String message) {
        super(message);
    }
}
