package dev.runnel.cep.dynamic;

import dev.runnel.api.OutputTag;

/**
 * What {@code CEP.dynamicPatterns} asked for, as the function of its two-input plan node: how rules
 * read events, what a rule change does to open partial matches, where late events go, and which
 * time the patterns run in.
 *
 * @param lateDataTag {@code null}: late events are dropped and counted
 * @param processingTime events are matched on arrival and {@code within} runs on the processing-time
 *     clock (as {@code PatternStream.inProcessingTime()}); rule updates apply on arrival
 */
public record DynamicPatternSpec<T>(EventFields<T> fields, RuleChangePolicy policy, OutputTag<T> lateDataTag,
                                    boolean processingTime) {
}
