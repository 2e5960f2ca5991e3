package dev.runnel.examples.logs;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.io.Input;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** {@code logs}: the CLI wiring of {@link LogAnalysis}. */
public final class LogAnalysisCommand implements Example {
    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String description() {
        return "S5 log analysis: failed-login bursts, activity after long inactivity, per-user activity windows (JSON lines)";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("logs.jsonl");
    }

    @Override
    public List<Option> options() {
        LogAnalysis.Config d = LogAnalysis.Config.defaults();
        return List.of(
            Option.duration("out-of-orderness", "10s", "how far out of order log lines may arrive"),
            Option.positiveDuration("max-ahead", "7d", "lines dated more than this after the latest line so far go to FUTURE"),
            Option.integer("failed-logins", "N", String.valueOf(d.failedLogins()), "failed logins that raise an alert", 1, 1000),
            Option.positiveDuration("failed-login-window", "5m", "within how long"),
            Option.positiveDuration("inactivity", "24h", "activity this long after the last login raises an alert"),
            Option.positiveDuration("activity-window", "1h", "size of the per-user activity windows"),
            Option.flag("activity", "also print the per-user activity windows (ACTIVITY)"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        LogAnalysis.Config d = LogAnalysis.Config.defaults();
        LogAnalysis.Config config = new LogAnalysis.Config(
            args.duration("out-of-orderness", d.outOfOrderness()),
            args.duration("max-ahead", d.maxAhead()),
            args.intValue("failed-logins", d.failedLogins()),
            args.duration("failed-login-window", d.failedLoginWindow()),
            args.duration("inactivity", d.inactivity()),
            args.duration("activity-window", d.activityWindow()));
        DataStream<LogEvent> events = LogAnalysis.read(env, input.source(args.zone("zone", ZoneId.of("UTC")), LogEvent.COLUMNS, LogEvent::parse), config);
        events.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        events.getSideOutput(LogAnalysis.FUTURE).addSink(report.sink("FUTURE", LogAnalysisCommand::describe));
        LogAnalysis.Outputs outputs = LogAnalysis.analyze(events, config);
        outputs.alerts().addSink(report.sink("SECURITY_ALERT"));
        outputs.late().addSink(report.sink("LATE", LogAnalysisCommand::describe));
        outputs.activity().addSink(args.has("activity") ? report.sink("ACTIVITY") : report.counter("ACTIVITY"));
    }

    /** {@code user=alice view at 2024-05-14T12:33:20Z}: who, what and when, for the LATE and FUTURE lines. */
    private static String describe(LogEvent e) {
        return "user=" + e.userId() + " " + e.action() + " at " + Instant.ofEpochMilli(e.timestamp());
    }
}
