package dev.runnel.cep.dynamic;

/**
 * What happens to the open partial matches of a rule version that a new version replaces, or that
 * is removed or disabled. Either way the new version starts from the next event with no partial
 * matches of its own.
 */
public enum RuleChangePolicy {
    /** They are dropped at once: no match of the old version appears after the change (the default). */
    DROP,
    /**
     * They go on to their end: the old version starts no new partial match, but one that was open
     * can still complete (a match with the old version's id and version) or time out. A version
     * without {@code within} may hold its partial matches for as long as the key lives.
     */
    FINISH
}
