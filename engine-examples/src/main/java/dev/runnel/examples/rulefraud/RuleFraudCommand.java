package dev.runnel.examples.rulefraud;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.dynamic.Rule;
import dev.runnel.cep.dynamic.RuleChangePolicy;
import dev.runnel.examples.cepfraud.CepFraudDetection;
import dev.runnel.examples.cepfraud.UserEvent;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.cli.UsageException;
import dev.runnel.examples.io.Input;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** {@code rulefraud}: the CLI wiring of {@link RuleFraudDetection}. */
public final class RuleFraudCommand implements Example {
    static final String SAMPLE_RULES = "fraud-rules.jsonl";

    @Override
    public String name() {
        return "rulefraud";
    }

    @Override
    public String description() {
        return "S7 fraud patterns as data: JSON rules with CEL conditions from a rules file, changed while the job runs";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("user-events.csv");
    }

    @Override
    public List<Option> options() {
        return List.of(
            Option.text("rules", "FILE", "samples/" + SAMPLE_RULES, "rules, one JSON rule update per line (docs/dynamic-rules.md)"),
            Option.flag("follow-rules", "keep reading rule updates appended to the rules file until the job is stopped"),
            Option.choice("on-rule-change", "drop", "what a new version does to the old one's partial matches", "drop", "finish"),
            Option.duration("out-of-orderness", "5s", "how far out of order events may arrive"),
            Option.positiveDuration("max-ahead", "7d", "events dated more than this after the latest event so far go to FUTURE"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        ZoneId zone = args.zone("zone", ZoneId.of("UTC"));
        CepFraudDetection.Config d = CepFraudDetection.Config.defaults();
        CepFraudDetection.Config config = new CepFraudDetection.Config(args.duration("out-of-orderness", d.outOfOrderness()),
            d.rapidLogins(), d.rapidLoginWindow(), d.maxSpeedKmh(), d.minTravelKm(), d.largeAmount(), d.smallAmount(),
            d.smallCount(), d.largeThenSmallWindow(), d.sessionWindow(), args.duration("max-ahead", d.maxAhead()));
        DataStream<UserEvent> events = CepFraudDetection.read(env, input.source(zone, UserEvent.COLUMNS, UserEvent::parse), config);
        events.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        events.getSideOutput(CepFraudDetection.FUTURE).addSink(report.sink("FUTURE"));

        RuleLines lines = ruleLines(args.string("rules", null), args.has("follow-rules"), zone);
        DataStream<Rule> rules = env.fromSource(lines, WatermarkStrategy.noWatermarks(), "rules");
        rules.getSideOutput(RuleLines.BAD_LINES).addSink(report.sink("RULE_ERROR", RuleFraudCommand::describe));
        RuleChangePolicy policy = RuleChangePolicy.valueOf(args.choice("on-rule-change", "drop").toUpperCase(Locale.ROOT));
        RuleFraudDetection.Outputs outputs = RuleFraudDetection.detect(events, rules, policy);
        outputs.alerts().addSink(report.sink("ALERT"));
        outputs.ruleErrors().addSink(report.sink("RULE_ERROR", RuleFraudCommand::describe));
        outputs.late().addSink(report.sink("LATE", e -> "user=" + e.userId() + " " + e.eventType() + " at "
            + java.time.Instant.ofEpochMilli(e.timestamp())));
    }

    /** One line: CEL's messages go on with the expression and a caret, which a line of output cannot show. */
    private static String describe(dev.runnel.cep.dynamic.RuleError e) {
        return e.ruleId() + " v" + e.version() + ": " + e.message().lines().findFirst().orElse("");
    }

    @Override
    public boolean runsUntilStopped(Args args) {
        return args.has("follow-rules");
    }

    private static RuleLines ruleLines(String rules, boolean follow, ZoneId zone) {
        if (rules == null || rules.equals("samples/" + SAMPLE_RULES)) {
            if (follow) {
                throw new UsageException("--follow-rules needs --rules FILE: a file you can append to");
            }
            try (InputStream in = RuleFraudCommand.class.getResourceAsStream("/samples/" + SAMPLE_RULES)) {
                return RuleLines.text("samples/" + SAMPLE_RULES, new String(in.readAllBytes(), StandardCharsets.UTF_8), zone);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Path file = Path.of(rules);
        if (!Files.isReadable(file)) {
            throw new UsageException("Cannot read rules file " + file.toAbsolutePath());
        }
        return RuleLines.file(file, follow, zone);
    }
}
