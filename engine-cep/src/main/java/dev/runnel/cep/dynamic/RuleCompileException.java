package dev.runnel.cep.dynamic;

/** A rule's pattern could not be compiled; the message says where and why. Becomes a {@link RuleError}. */
final class RuleCompileException extends Exception {
    RuleCompileException(String message) {
        super(message);
    }
}
