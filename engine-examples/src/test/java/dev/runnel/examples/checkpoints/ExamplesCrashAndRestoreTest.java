package dev.runnel.examples.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.examples.cepfraud.CepFraudDetection;
import dev.runnel.examples.cepfraud.SessionAccumulatorSerializer;
import dev.runnel.examples.cepfraud.UserEvent;
import dev.runnel.examples.frauddetector.FraudDetector;
import dev.runnel.examples.frauddetector.Transaction;
import dev.runnel.examples.generator.CepFraudGenerator;
import dev.runnel.examples.generator.FraudGenerator;
import dev.runnel.examples.generator.Generated;
import dev.runnel.examples.generator.GeneratorConfig;
import dev.runnel.examples.generator.RiskGenerator;
import dev.runnel.examples.generator.ScenarioGenerator;
import dev.runnel.examples.io.Input;
import dev.runnel.examples.risk.RiskEngine;
import dev.runnel.examples.risk.RiskTransaction;
import dev.runnel.examples.risk.UserProfileSerializer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S1, S2 and S3 examples on generated data with disorder, late and malformed rows, killed by
 * an exception at records picked by hash (each attempt at the first such record after its restore
 * point), restored from their checkpoints each time: every output — results, alerts, late rows,
 * dead letters — committed by exactly-once file sinks equals an uninterrupted run's. S2's user
 * profile and S3's session accumulator are not Serializable; the tests register serializers for
 * them, as a user would.
 */
class ExamplesCrashAndRestoreTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    @TempDir
    Path dir;

    /** Builds one example's job on {@code input} and names the output streams to commit. */
    interface Job {
        Map<String, DataStream<?>> build(StreamEnvironment env, Input input, Predicate<Object> crash);
    }

    private static <T> DataStream<T> crashing(DataStream<T> in, Predicate<Object> crash) {
        return in.map(r -> {
            if (crash.test(r)) {
                throw new IllegalStateException("injected crash at " + r);
            }
            return r;
        }).name("crash");
    }

    private Input generate(ScenarioGenerator scenario, long events, long seed) throws IOException {
        Path file = dir.resolve(scenario.scenario() + ".csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GeneratorConfig config = GeneratorConfig.of(events, seed).withDisorder(Duration.ofMillis(900), 0.01, 0.005);
            Generated.write(scenario, config, false, w);
        }
        return Input.file(file);
    }

    private static Map<String, List<String>> run(Job job, Input input, Path out, Predicate<Object> crash, Path checkpoints)
            throws IOException {
        StreamEnvironment env = StreamEnvironment.create();
        if (checkpoints != null) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 2);
            env.enableCheckpointing(Duration.ZERO, storage).setTolerableCheckpointFailures(0);
            if (!storage.completedIds().isEmpty()) {
                env.fromCheckpoint(checkpoints);
            }
        }
        Map<String, DataStream<?>> outputs = job.build(env, input, crash);
        for (Map.Entry<String, DataStream<?>> o : outputs.entrySet()) {
            o.getValue().map(String::valueOf).name("format-" + o.getKey())
                .addSink(ExactlyOnceFileSink.lines(out.resolve(o.getKey()), s -> s)).name("sink-" + o.getKey());
        }
        env.execute("example");
        Map<String, List<String>> committed = new LinkedHashMap<>();
        for (String name : outputs.keySet()) {
            committed.put(name, ExactlyOnceFileSink.readCommitted(out.resolve(name)));
        }
        return committed;
    }

    private void checkAgainstUninterrupted(Job job, Input input) throws IOException {
        Map<String, List<String>> expected = run(job, input, dir.resolve("uninterrupted"), r -> false, null);
        Path out = dir.resolve("crashed");
        Path checkpoints = dir.resolve("checkpoints");
        int crashes = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            int residue = 17 + attempt * 101;
            Predicate<Object> crash = r -> Math.floorMod(r.toString().hashCode(), 1_500) == residue;
            try {
                run(job, input, out, crash, checkpoints);
                break; // no crash record after the restore point: the job finished
            } catch (JobExecutionException e) {
                assertThat(e).hasStackTraceContaining("injected crash");
                crashes++;
            }
        }
        Map<String, List<String>> resumed = run(job, input, out, r -> false, checkpoints);
        assertThat(crashes).as("crashes").isGreaterThanOrEqualTo(2);
        for (String name : expected.keySet()) {
            assertThat(resumed.get(name)).as("output '%s'", name).containsExactlyElementsOf(expected.get(name));
        }
        assertThat(expected.values()).as("some output").anyMatch(l -> !l.isEmpty());
    }

    @Test
    void s1FraudDetector() throws IOException {
        Input input = generate(new FraudGenerator(), 20_000, 11);
        checkAgainstUninterrupted((env, in, crash) -> {
            DataStream<Transaction> txs = FraudDetector.read(env, in.source(UTC, Transaction.COLUMNS, Transaction::parse), FraudDetector.Config.defaults());
            FraudDetector.Outputs o = FraudDetector.detect(crashing(txs, crash), FraudDetector.Config.defaults());
            Map<String, DataStream<?>> m = new LinkedHashMap<>();
            m.put("sums", o.windowSums());
            m.put("anomalies", o.anomalies());
            m.put("late", o.late());
            m.put("silent", o.silent());
            m.put("outliers", o.outliers());
            m.put("dead", txs.getSideOutput(DeadLetter.TAG));
            return m;
        }, input);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void s2RiskEngine() throws IOException {
        Input input = generate(new RiskGenerator(), 20_000, 5);
        checkAgainstUninterrupted((env, in, crash) -> {
            // the per-user profile is not Serializable: the way for such state is a registered serializer
            env.registerTypeSerializer((Class) UserProfileSerializer.TYPE, new UserProfileSerializer());
            DataStream<RiskTransaction> txs = RiskEngine.read(env, in.source(UTC, RiskTransaction.COLUMNS, RiskTransaction::parse), RiskEngine.Config.defaults());
            RiskEngine.Outputs o = RiskEngine.score(crashing(txs, crash), RiskEngine.Config.defaults());
            Map<String, DataStream<?>> m = new LinkedHashMap<>();
            m.put("assessments", o.assessments());
            m.put("alerts", o.alerts());
            m.put("metrics", o.metrics());
            m.put("dead", txs.getSideOutput(DeadLetter.TAG));
            return m;
        }, input);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void s3CepFraudDetection() throws IOException {
        Input input = generate(new CepFraudGenerator(), 20_000, 13);
        checkAgainstUninterrupted((env, in, crash) -> {
            // the session windows' accumulator is not Serializable: the way for such state is a registered serializer
            env.registerTypeSerializer((Class) SessionAccumulatorSerializer.TYPE, new SessionAccumulatorSerializer());
            DataStream<UserEvent> events = CepFraudDetection.read(env, in.source(UTC, UserEvent.COLUMNS, UserEvent::parse), CepFraudDetection.Config.defaults());
            CepFraudDetection.Outputs o = CepFraudDetection.detect(crashing(events, crash), CepFraudDetection.Config.defaults());
            Map<String, DataStream<?>> m = new LinkedHashMap<>();
            m.put("alerts", o.alerts());
            m.put("sessions", o.sessions());
            m.put("session-anomalies", o.sessionAnomalies());
            m.put("late", o.late());
            m.put("dead", events.getSideOutput(DeadLetter.TAG));
            return m;
        }, input);
    }
}
