package dev.runnel.examples.cepfraud;

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

/** {@code cepfraud}: the CLI wiring of {@link CepFraudDetection}. */
public final class CepFraudCommand implements Example {
    @Override
    public String name() {
        return "cepfraud";
    }

    @Override
    public String description() {
        return "S3 CEP fraud patterns: rapid logins, impossible travel, large-then-small transactions, session anomalies";
    }

    @Override
    public Input defaultInput() {
        return Input.sample("user-events.csv");
    }

    @Override
    public List<Option> options() {
        CepFraudDetection.Config d = CepFraudDetection.Config.defaults();
        return List.of(
            Option.duration("out-of-orderness", "5s", "how far out of order events may arrive"),
            Option.positiveDuration("max-ahead", "7d", "events dated more than this after the latest event so far go to FUTURE"),
            // a pattern with n stages of a times(n) loop: a bound keeps the NFA small
            Option.integer("rapid-logins", "N", String.valueOf(d.rapidLogins()), "logins in a row that raise RAPID_LOGIN_ATTEMPTS", 2, 1000),
            Option.positiveDuration("rapid-login-window", "5m", "within how long"),
            Option.positive("max-speed", "KMH", "1000", "consecutive logins implying a faster speed raise GEOGRAPHICAL_IMPOSSIBILITY"),
            Option.nonNegative("min-distance", "KM", "100", "logins closer than this are never judged (geolocation noise)"),
            Option.nonNegative("large-amount", "AMOUNT", "10000", "a transaction above this, then ..."),
            Option.nonNegative("small-amount", "AMOUNT", "100", "... transactions below this ..."),
            Option.integer("small-count", "N", String.valueOf(d.smallCount()), "... this many of them ...", 1, 1000),
            Option.positiveDuration("large-then-small-window", "1h", "... within this raise SUSPICIOUS_TRANSACTION_PATTERN"),
            Option.positiveDuration("session-window", "30m", "size of the session-analysis windows"),
            Option.flag("sessions", "also print every session window (SESSION), not only anomalous ones"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        CepFraudDetection.Config d = CepFraudDetection.Config.defaults();
        CepFraudDetection.Config config = new CepFraudDetection.Config(
            args.duration("out-of-orderness", d.outOfOrderness()),
            args.intValue("rapid-logins", d.rapidLogins()),
            args.duration("rapid-login-window", d.rapidLoginWindow()),
            args.doubleValue("max-speed", d.maxSpeedKmh()),
            args.doubleValue("min-distance", d.minTravelKm()),
            args.doubleValue("large-amount", d.largeAmount()),
            args.doubleValue("small-amount", d.smallAmount()),
            args.intValue("small-count", d.smallCount()),
            args.duration("large-then-small-window", d.largeThenSmallWindow()),
            args.duration("session-window", d.sessionWindow()),
            args.duration("max-ahead", d.maxAhead()));
        // the session windows' accumulator is not Serializable: checkpoints (--checkpoint-dir) need its serializer
        registerAccumulatorSerializer(env);
        DataStream<UserEvent> events = CepFraudDetection.read(env, input.source(args.zone("zone", ZoneId.of("UTC")), UserEvent.COLUMNS, UserEvent::parse), config);
        events.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        events.getSideOutput(CepFraudDetection.FUTURE).addSink(report.sink("FUTURE", CepFraudCommand::describe));
        CepFraudDetection.Outputs outputs = CepFraudDetection.detect(events, config);
        outputs.alerts().addSink(report.sink("ALERT"));
        outputs.sessionAnomalies().addSink(report.sink("SESSION_ANOMALY"));
        outputs.sessions().addSink(args.has("sessions") ? report.sink("SESSION") : report.counter("SESSION"));
        outputs.late().addSink(report.sink("LATE", CepFraudCommand::describe));
    }

    /** {@code user=bob page_view at 2024-05-11T09:41:20Z}, for the LATE and FUTURE lines. */
    private static String describe(UserEvent e) {
        return "user=" + e.userId() + " " + e.eventType() + " at " + Instant.ofEpochMilli(e.timestamp());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void registerAccumulatorSerializer(StreamEnvironment env) {
        env.registerTypeSerializer((Class) SessionAccumulatorSerializer.TYPE, new SessionAccumulatorSerializer());
    }
}
