package dev.runnel.metrics.prometheus;

import java.util.List;

/**
 * The answer to "why doesn't my window (or pattern) fire?" for one window or CEP operator: what is
 * pending, the earliest window end it waits for, its watermark, and the chain of inputs that holds
 * that watermark back, from its direct input to the root cause (usually a source).
 *
 * @param operator          the window or CEP operator
 * @param kind              {@code window} or {@code cep}
 * @param waiting           true when something is pending that the watermark has not reached yet
 * @param fired             whether it emitted anything so far
 * @param pending           pending window timers (window) or partial matches (CEP), over all subtasks
 * @param earliestPendingWindowEnd the earliest window end waited for; {@code Long.MIN_VALUE} if none or unknown
 * @param watermark         the lowest watermark among its subtasks
 * @param heldBackBy        the inputs holding the watermark back, nearest first; the last one is the cause
 * @param idleInputs        upstream instances that are idle (they do not hold the watermark back)
 * @param explanation       one or two sentences saying the above in words
 */
public record FiringDiagnosis(String operator, String kind, boolean waiting, boolean fired, long pending,
                              long earliestPendingWindowEnd, long watermark, List<Holder> heldBackBy,
                              List<String> idleInputs, String explanation) {

    /**
     * One operator instance on the path that holds the watermark back.
     *
     * @param millisSinceLastRecord wall-clock time since its records-in counter last moved
     * @param lagging               a subtask whose watermark is behind its sibling subtasks'
     */
    public record Holder(String operator, int subtask, long watermark, boolean source, long millisSinceLastRecord,
                         boolean lagging) {}
}
