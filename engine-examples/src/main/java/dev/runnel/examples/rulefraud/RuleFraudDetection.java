package dev.runnel.examples.rulefraud;

import dev.runnel.api.DataStream;
import dev.runnel.api.KeyedStream;
import dev.runnel.api.OutputTag;
import dev.runnel.cep.CEP;
import dev.runnel.cep.dynamic.DynamicMatch;
import dev.runnel.cep.dynamic.DynamicPatternStream;
import dev.runnel.cep.dynamic.Rule;
import dev.runnel.cep.dynamic.RuleChangePolicy;
import dev.runnel.cep.dynamic.RuleError;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cepfraud.UserEvent;
import dev.runnel.examples.common.LateEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * S7, S3's fraud patterns as data: the rules (rapid logins, large-then-small transactions, and any
 * other pattern over user events) come from a rules file as JSON with CEL conditions, and new
 * versions replace them while the job runs, with no restart and no lost state.
 *
 * <pre>
 * user events (CSV or JSON lines)          rules file (JSON lines, --rules; appended to with --follow-rules)
 *   -> LateEvents -> keyBy(user)              |
 *   -> CEP.dynamicPatterns  <-----------------+ (broadcast to every instance)
 *        ALERT rule vN user=... at ...: stage=[events]
 *        RULE_ERROR rule vN: why the update was refused (it changed nothing)
 * </pre>
 */
public final class RuleFraudDetection {
    public static final OutputTag<UserEvent> LATE = OutputTag.of("late-user-events", UserEvent.class);

    private RuleFraudDetection() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("rulefraud", args));
    }

    /** The alerts, the refused rule updates, and the late events. */
    public record Outputs(DataStream<String> alerts, DataStream<RuleError> ruleErrors, DataStream<UserEvent> late) {}

    public static Outputs detect(DataStream<UserEvent> events, DataStream<Rule> rules, RuleChangePolicy policy) {
        DataStream<UserEvent> onTime = events.process(new LateEvents<>(LATE)).name("late-events");
        KeyedStream<UserEvent, String> byUser = onTime.keyBy(UserEvent::userId);
        DataStream<DynamicMatch<UserEvent>> matches = CEP.dynamicPatterns(byUser, rules, UserEvent.class)
            .onRuleChange(policy)
            .matches();
        return new Outputs(matches.map(RuleFraudDetection::describe).name("describe"),
            matches.getSideOutput(DynamicPatternStream.RULE_ERRORS), onTime.getSideOutput(LATE));
    }

    /** {@code rapid-logins v2 user=mallory at 2024-05-11T09:10:20Z: first_login=1 subsequent_logins=2}. */
    static String describe(DynamicMatch<UserEvent> m) {
        List<UserEvent> last = null;
        StringJoiner stages = new StringJoiner(" ");
        String user = "";
        for (Map.Entry<String, List<UserEvent>> e : m.events().entrySet()) {
            stages.add(e.getKey() + "=" + e.getValue().size());
            user = e.getValue().get(0).userId();
            last = e.getValue();
        }
        long at = last == null ? 0 : last.get(last.size() - 1).timestamp();
        return m.ruleId() + " v" + m.version() + " user=" + user + " at " + Instant.ofEpochMilli(at) + ": " + stages;
    }
}
