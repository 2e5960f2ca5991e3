package dev.runnel.examples.cepfraud;

import dev.runnel.api.DataStream;
import dev.runnel.api.KeyedStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.OpenContext;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.functions.RichMapFunction;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.cep.CEP;
import dev.runnel.examples.Cli;
import dev.runnel.examples.alerts.AlertMetrics;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.common.LateEvents;
import java.time.Duration;

/**
 * S3, fraud patterns over user events: two rules written as CEP patterns, one as a keyed process
 * function, their alerts in one stream, and per-user session analysis in tumbling windows.
 *
 * <pre>
 * user events (CSV or JSON lines)                  watermark = max seen - 5 s - 1 ms
 *   -> LateEvents                                  rows behind the watermark -> LATE
 *   -> keyBy(user)
 *      -> CEP: login, next login times(4), within 5 min          RAPID_LOGIN_ATTEMPTS (0.8)
 *      -> ImpossibleTravelDetector: consecutive logins > 1000 km/h GEOGRAPHICAL_IMPOSSIBILITY (0.95)
 *      -> CEP: transaction > 10000, followedBy 10 under 100, 1 h  SUSPICIOUS_TRANSACTION_PATTERN (0.9)
 *      the three unioned into one alert stream
 *      -> 30 min tumbling windows: SessionSummary with an anomaly score
 * </pre>
 */
public final class CepFraudDetection {
    /** Events that arrived behind the watermark: every pattern and window would have ignored them. */
    public static final OutputTag<UserEvent> LATE = OutputTag.of("late-user-events", UserEvent.class);
    /** Events dated more than {@code maxAhead} after the latest event so far: kept out of event time and every rule. */
    public static final OutputTag<UserEvent> FUTURE = OutputTag.of("future-user-events", UserEvent.class);

    /**
     * @param rapidLogins        logins in a row that make an attack (the first and {@code rapidLogins - 1} more)
     * @param maxSpeedKmh        a faster implied speed between consecutive logins is impossible travel
     * @param minTravelKm        logins closer than this are never judged (geolocation noise)
     * @param largeAmount        a transaction above this starts the large-then-small pattern
     * @param smallAmount        transactions below this are the small ones
     * @param smallCount         how many small ones complete it
     * @param maxAhead           an event dated more than this after the latest event so far goes to {@link #FUTURE}
     */
    public record Config(Duration outOfOrderness, int rapidLogins, Duration rapidLoginWindow, double maxSpeedKmh,
                         double minTravelKm, double largeAmount, double smallAmount, int smallCount, Duration largeThenSmallWindow,
                         Duration sessionWindow, Duration maxAhead) {
        public static Config defaults() {
            return new Config(Duration.ofSeconds(5), 5, Duration.ofMinutes(5), 1000, 100, 10_000, 100, 10, Duration.ofHours(1),
                Duration.ofMinutes(30), Duration.ofDays(7));
        }
    }

    /** The alerts of all three rules, every session window, the anomalous ones, and the late events. */
    public record Outputs(DataStream<FraudAlert> alerts, DataStream<SessionSummary> sessions,
                          DataStream<SessionSummary> sessionAnomalies, DataStream<UserEvent> late) {}

    private CepFraudDetection() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("cepfraud", args));
    }

    /**
     * User events with their event time; watermarks 5 s behind the latest (by default), after every
     * event; events dated more than {@code maxAhead} ahead to {@link #FUTURE}.
     */
    public static DataStream<UserEvent> read(StreamEnvironment env, Source<UserEvent> source, Config config) {
        return env.fromSource(source,
            WatermarkStrategy.<UserEvent>forBoundedOutOfOrderness(config.outOfOrderness())
                .withPerRecordEmission().withTimestampAssigner((e, ts) -> e.timestamp())
                .withFutureEventGuard(config.maxAhead(), FUTURE), Example.SOURCE_NAME);
    }

    public static Outputs detect(DataStream<UserEvent> events, Config config) {
        DataStream<UserEvent> onTime = events.process(new LateEvents<>(LATE)).name("late-events");
        KeyedStream<UserEvent, String> byUser = onTime.keyBy(UserEvent::userId);

        DataStream<FraudAlert> rapidLogins = CEP.pattern(byUser, RapidLogins.pattern(config.rapidLogins(), config.rapidLoginWindow()))
            .select(RapidLogins.toAlert())
            .name("rapid-logins");
        DataStream<FraudAlert> impossibleTravel = byUser
            .process(new ImpossibleTravelDetector(config.maxSpeedKmh(), config.minTravelKm()))
            .name("impossible-travel");
        DataStream<FraudAlert> largeThenSmall = CEP.pattern(byUser, LargeThenSmallTransactions.pattern(
                config.largeAmount(), config.smallAmount(), config.smallCount(), config.largeThenSmallWindow()))
            .select(LargeThenSmallTransactions.toAlert())
            .name("large-then-small");

        DataStream<SessionSummary> sessions = byUser
            .window(TumblingEventTimeWindows.of(config.sessionWindow()))
            .aggregate(new SessionAccumulator.Aggregate(), new ToSessionSummary())
            .name("session-analysis");
        DataStream<FraudAlert> alerts = rapidLogins.union(impossibleTravel, largeThenSmall).map(new CountBySeverity()).name("alerts");
        return new Outputs(alerts, sessions,
            sessions.filter(SessionSummary::isAnomalous), onTime.getSideOutput(LATE));
    }

    /** Passes every alert on and counts it by severity in the {@code alerts} metric (the dashboard's panel). */
    private static final class CountBySeverity extends RichMapFunction<FraudAlert, FraudAlert> {
        private transient AlertMetrics alerts;

        @Override
        public void open(OpenContext context) {
            alerts = AlertMetrics.register(getRuntimeContext().getMetricGroup());
        }

        @Override
        public FraudAlert map(FraudAlert alert) {
            alerts.count(alert.type().severity());
            return alert;
        }
    }

    private static final class ToSessionSummary extends ProcessWindowFunction<SessionAccumulator, SessionSummary, String, TimeWindow> {
        @Override
        public void process(String user, Context context, Iterable<SessionAccumulator> elements, Collector<SessionSummary> out) {
            for (SessionAccumulator acc : elements) {
                out.collect(SessionSummary.of(user, context.window().start(), context.window().end(), acc));
            }
        }
    }
}
