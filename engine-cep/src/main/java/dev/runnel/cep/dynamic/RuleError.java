package dev.runnel.cep.dynamic;

/**
 * A rule that could not be applied, as data on the {@link DynamicPatternStream#RULE_ERRORS} side
 * output: bad JSON, a malformed pattern, a CEL expression that does not parse or type-check, or a
 * stale version. The rule changed nothing; the previous version (if any) stays in force.
 */
public record RuleError(String ruleId, long version, String message) {
    @Override
    public String toString() {
        return "RuleError[" + ruleId + " v" + version + ": " + message + "]";
    }
}
