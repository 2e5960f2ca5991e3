package dev.runnel.cep.dynamic;

import dev.runnel.api.DataStream;
import dev.runnel.api.KeyedStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.plan.TwoInputNode;
import java.util.List;
import java.util.Objects;

/**
 * A keyed stream matched against rules from a rule stream ({@code CEP.dynamicPatterns}). Configure,
 * then call {@link #matches()}; rejected rules come out of that stream's
 * {@code getSideOutput(DynamicPatternStream.RULE_ERRORS)}.
 */
public final class DynamicPatternStream<T> {
    static final String OPERATOR_NAME = "DynamicPatterns";
    /** Rules that could not be applied, with the reason; reported once (by the first parallel instance). */
    public static final OutputTag<RuleError> RULE_ERRORS = OutputTag.of("rule-errors", RuleError.class);

    private final KeyedStream<T, ?> input;
    private final DataStream<Rule> rules;
    private final EventFields<T> fields;
    private final RuleChangePolicy policy;
    private final OutputTag<T> lateDataTag;
    private final boolean processingTime;

    private DynamicPatternStream(KeyedStream<T, ?> input, DataStream<Rule> rules, EventFields<T> fields,
            RuleChangePolicy policy, OutputTag<T> lateDataTag, boolean processingTime) {
        this.input = input;
        this.rules = rules;
        this.fields = fields;
        this.policy = policy;
        this.lateDataTag = lateDataTag;
        this.processingTime = processingTime;
    }

    public static <T> DynamicPatternStream<T> of(KeyedStream<T, ?> input, DataStream<Rule> rules, EventFields<T> fields) {
        return new DynamicPatternStream<>(Objects.requireNonNull(input, "input"), Objects.requireNonNull(rules, "rules"),
            Objects.requireNonNull(fields, "fields"), RuleChangePolicy.DROP, null, false);
    }

    /** What a new version, a removal or a disable does to the old version's open partial matches (default DROP). */
    public DynamicPatternStream<T> onRuleChange(RuleChangePolicy policy) {
        return new DynamicPatternStream<>(input, rules, fields, Objects.requireNonNull(policy, "policy"), lateDataTag,
            processingTime);
    }

    /** Events at or behind the watermark go to this side output instead of being dropped (and counted). */
    public DynamicPatternStream<T> sideOutputLateData(OutputTag<T> tag) {
        return new DynamicPatternStream<>(input, rules, fields, policy, Objects.requireNonNull(tag, "tag"), processingTime);
    }

    /**
     * Matches in processing time, as {@code PatternStream.inProcessingTime()}: each event reaches the
     * rules when it arrives, {@code within} is measured on the processing-time clock, watermarks and
     * event timestamps play no part (so no event is late), and a rule update applies from the next
     * event that arrives after it.
     */
    public DynamicPatternStream<T> inProcessingTime() {
        return new DynamicPatternStream<>(input, rules, fields, policy, lateDataTag, true);
    }

    /** The matches of every rule, tagged with the rule's id and version. */
    public DataStream<DynamicMatch<T>> matches() {
        // the broadcast descriptors make the rule input a broadcast input: every instance gets every rule
        TwoInputNode<T, Rule, DynamicMatch<T>> node = new TwoInputNode<>(input.node(), rules.node(), OPERATOR_NAME,
            TwoInputNode.Kind.EXTENSION, new DynamicPatternSpec<>(fields, policy, lateDataTag, processingTime), input.keySelector(), null,
            List.of(RuleBook.RULES));
        return new DataStream<>(input.environment(), node);
    }
}
