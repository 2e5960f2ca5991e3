package dev.runnel.examples.logs;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.examples.Cli;
import dev.runnel.examples.cli.Example;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * S5, log analysis: JSON lines of user actions (lines that do not parse go to the dead letters),
 * two per-user security rules (failed-login bursts, activity after long inactivity) and per-user
 * activity in tumbling event-time windows. Lines dated too far ahead of the rest (a year typed
 * wrong, milliseconds where seconds belong) go to {@link #FUTURE} instead of moving event time;
 * lines that arrive after their activity window was final go to {@link #LATE}.
 */
public final class LogAnalysis {
    /** Lines whose activity window had already fired (the security rules still saw them). */
    public static final OutputTag<LogEvent> LATE = OutputTag.of("late-log-events", LogEvent.class);
    /** Lines dated more than {@code maxAhead} after the latest line so far: kept out of event time and every rule. */
    public static final OutputTag<LogEvent> FUTURE = OutputTag.of("future-log-events", LogEvent.class);

    /**
     * @param maxAhead     a line dated more than this after the latest line so far goes to {@link #FUTURE}
     * @param failedLogins how many {@code login_failed} within {@code failedLoginWindow} raise an alert
     * @param inactivity   how long after the last successful login activity is suspicious
     * @param activityWindow size of the per-user activity windows
     */
    public record Config(Duration outOfOrderness, Duration maxAhead, int failedLogins, Duration failedLoginWindow,
                         Duration inactivity, Duration activityWindow) {
        public static Config defaults() {
            return new Config(Duration.ofSeconds(10), Duration.ofDays(7), 5, Duration.ofMinutes(5), Duration.ofHours(24),
                Duration.ofHours(1));
        }
    }

    public record Outputs(DataStream<SecurityAlert> alerts, DataStream<UserActivity> activity, DataStream<LogEvent> late) {}

    private LogAnalysis() {}

    public static void main(String[] args) {
        Cli.main(Cli.prepend("logs", args));
    }

    /**
     * Log events with their event time; watermarks 10 s behind the latest (by default), after every
     * line, so a replayed file gives the same output on every run; far-future lines to {@link #FUTURE}.
     */
    public static DataStream<LogEvent> read(StreamEnvironment env, Source<LogEvent> source, Config config) {
        return env.fromSource(source,
            WatermarkStrategy.<LogEvent>forBoundedOutOfOrderness(config.outOfOrderness())
                .withPerRecordEmission()
                .withTimestampAssigner((e, ts) -> e.timestamp())
                .withFutureEventGuard(config.maxAhead(), FUTURE),
            Example.SOURCE_NAME);
    }

    public static Outputs analyze(DataStream<LogEvent> events, Config config) {
        DataStream<SecurityAlert> failedLogins = events
            .keyBy(LogEvent::userId)
            .process(new FailedLoginDetector(config.failedLogins(), config.failedLoginWindow()))
            .name("failed-logins");
        DataStream<SecurityAlert> inactivity = events
            .keyBy(LogEvent::userId)
            .process(new InactivityDetector(config.inactivity()))
            .name("long-inactivity");
        DataStream<UserActivity> activity = events
            .keyBy(LogEvent::userId)
            .window(TumblingEventTimeWindows.of(config.activityWindow()))
            .sideOutputLateData(LATE)
            .aggregate(new ActivityAccumulator.Aggregate(), new ToUserActivity())
            .name("user-activity");
        return new Outputs(failedLogins.union(inactivity), activity, activity.getSideOutput(LATE));
    }

    private static final class ToUserActivity extends ProcessWindowFunction<ActivityAccumulator, UserActivity, String, TimeWindow> {
        @Override
        public void process(String user, Context context, Iterable<ActivityAccumulator> elements, Collector<UserActivity> out) {
            for (ActivityAccumulator acc : elements) {
                Map<String, Long> actions = new TreeMap<>(acc.actions);
                out.collect(new UserActivity(user, context.window().start(), context.window().end(), acc.events, actions,
                    acc.sessions.size(), acc.sessionSeconds()));
            }
        }
    }
}
