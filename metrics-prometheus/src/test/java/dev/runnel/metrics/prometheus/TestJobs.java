package dev.runnel.metrics.prometheus;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Running jobs and an HTTP client for the endpoint tests. */
final class TestJobs {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestJobs() {}

    /** Event {@code i} has timestamp {@code i * 10} ms: at 2000 records/s event time runs 20x the wall clock. */
    static DataStream<Long> steady(StreamEnvironment env, String name, double ratePerSecond) {
        return env.fromSource(GeneratorSource.unbounded(i -> i).withRate(ratePerSecond),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v * 10), name);
    }

    /** Keyed one-second tumbling sums named "window-sum", into a sink that drops them. */
    static void windowed(DataStream<Long> input) {
        input.keyBy(v -> v % 4)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .reduce(Long::sum).name("window-sum")
            .addSink(v -> { }).name("discard");
    }

    /**
     * A source "flood" sending as fast as it can to a sink "blocked" at parallelism 2 whose subtasks wait on
     * {@code gate}: the channels fill, and the flood's task is back-pressured until the gate opens (at most a minute,
     * so a failed test cannot leave threads blocked for good).
     */
    static void backPressured(StreamEnvironment env, java.util.concurrent.CountDownLatch gate) {
        env.fromSource(GeneratorSource.unbounded(i -> i), WatermarkStrategy.noWatermarks(), "flood")
            .addSink(v -> {
                boolean opened = gate.await(1, java.util.concurrent.TimeUnit.MINUTES);
                if (!opened) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            }).name("blocked").setParallelism(2);
    }

    /** Sends {@code count} events with timestamps 0..count-1, then nothing, forever (an unbounded source gone quiet). */
    static final class StallingSource implements Source<Long> {
        private final int count;
        private int sent;

        StallingSource(int count) {
            this.count = count;
        }

        @Override
        public boolean isBounded() {
            return false;
        }

        @Override
        public SourceStatus poll(SourceOutput<Long> output, int maxRecords) {
            while (sent < count && maxRecords-- > 0) {
                output.collect((long) sent, sent);
                sent++;
            }
            return sent < count ? SourceStatus.MORE_AVAILABLE : SourceStatus.NOTHING_AVAILABLE;
        }
    }

    /**
     * Fetches {@code path} until {@code done} accepts the body (at most 15 s), and returns that body:
     * tests wait for what they want to see, not for a guessed time.
     */
    static String getUntil(URI base, String path, java.util.function.Predicate<String> done) throws Exception {
        String[] body = {get(base, path)};
        await("a body of " + path + " that shows what was waited for", () -> {
            if (done.test(body[0])) {
                return true;
            }
            body[0] = get(base, path);
            return false;
        }, () -> "; last body:\n" + body[0]);
        return body[0];
    }

    /** The one place these tests wait on a running job: polls {@code condition}, fails after 15 s naming {@code what}. */
    static void await(String what, Check condition, java.util.function.Supplier<String> state) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(15).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + state.get());
            }
            Thread.sleep(50);
        }
    }

    /** A condition that may need I/O to be checked. */
    interface Check {
        boolean holds() throws Exception;
    }

    static String get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The value of one sample in a text exposition, e.g. {@code runnel_operator_numRecordsIn} for operator "gen" subtask 0. */
    static double sample(String exposition, String metric, String operator, int subtask) {
        Pattern p = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = p.matcher(exposition);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("operator=\"" + operator + "\"") && labels.contains("subtask=\"" + subtask + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("No sample " + metric + " for operator '" + operator + "' subtask " + subtask + " in:\n" + exposition);
    }
}
