package dev.runnel.cep.dynamic;

import dev.runnel.api.OutputTag;

/**
 * What {@code CEP.dynamicPatterns} asked for, as the function of its two-input plan node: how rules
 * read events, what a rule change does to open partial matches, and where late events go.
 *
 * @param lateDataTag {@code null}: late events are dropped and counted
 */
public record DynamicPatternSpec<T>(EventFields<T> fields, RuleChangePolicy policy, OutputTag<T> lateDataTag) {
}
