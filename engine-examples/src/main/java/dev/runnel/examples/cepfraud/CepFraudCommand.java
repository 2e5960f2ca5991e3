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
            new Option("out-of-orderness", "DURATION", "5s", "how far out of order events may arrive"),
            new Option("rapid-logins", "N", String.valueOf(d.rapidLogins()), "logins in a row that raise RAPID_LOGIN_ATTEMPTS"),
            new Option("rapid-login-window", "DURATION", "5m", "within how long"),
            new Option("max-speed", "KMH", "1000", "consecutive logins implying a faster speed raise GEOGRAPHICAL_IMPOSSIBILITY"),
            new Option("min-distance", "KM", "100", "logins closer than this are never judged (geolocation noise)"),
            new Option("large-amount", "AMOUNT", "10000", "a transaction above this, then ..."),
            new Option("small-amount", "AMOUNT", "100", "... transactions below this ..."),
            new Option("small-count", "N", String.valueOf(d.smallCount()), "... this many of them ..."),
            new Option("large-then-small-window", "DURATION", "1h", "... within this raise SUSPICIOUS_TRANSACTION_PATTERN"),
            new Option("session-window", "DURATION", "30m", "size of the session-analysis windows"),
            new Option("sessions", null, null, "also print every session window (SESSION), not only anomalous ones"));
    }

    @Override
    public void define(StreamEnvironment env, Input input, Args args, Report report) {
        CepFraudDetection.Config d = CepFraudDetection.Config.defaults();
        CepFraudDetection.Config config = new CepFraudDetection.Config(
            args.duration("out-of-orderness", d.outOfOrderness()),
            (int) args.longValue("rapid-logins", d.rapidLogins()),
            args.duration("rapid-login-window", d.rapidLoginWindow()),
            args.doubleValue("max-speed", d.maxSpeedKmh()),
            args.doubleValue("min-distance", d.minTravelKm()),
            args.doubleValue("large-amount", d.largeAmount()),
            args.doubleValue("small-amount", d.smallAmount()),
            (int) args.longValue("small-count", d.smallCount()),
            args.duration("large-then-small-window", d.largeThenSmallWindow()),
            args.duration("session-window", d.sessionWindow()));
        DataStream<UserEvent> events = CepFraudDetection.read(env, input.source(args.zone("zone", ZoneId.of("UTC")), UserEvent.COLUMNS, UserEvent::parse), config);
        events.getSideOutput(DeadLetter.TAG).addSink(report.sink("DEAD_LETTER"));
        CepFraudDetection.Outputs outputs = CepFraudDetection.detect(events, config);
        outputs.alerts().addSink(report.sink("ALERT"));
        outputs.sessionAnomalies().addSink(report.sink("SESSION_ANOMALY"));
        outputs.sessions().addSink(args.has("sessions") ? report.sink("SESSION") : report.counter("SESSION"));
        outputs.late().addSink(report.sink("LATE", e -> "user=" + e.userId() + " " + e.eventType() + " at " + Instant.ofEpochMilli(e.timestamp())));
    }
}
