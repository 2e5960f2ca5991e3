package dev.runnel.flink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.Source;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.connector.base.DeliveryGuarantee;
import dev.runnel.connector.kafka.DeserializationSchema;
import dev.runnel.connector.kafka.SimpleStringSchema;
import dev.runnel.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.runnel.connector.kafka.sink.KafkaSink;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import dev.runnel.examples.frauddetector.Anomaly;
import dev.runnel.examples.frauddetector.FraudDetector;
import dev.runnel.examples.frauddetector.Transaction;
import dev.runnel.examples.frauddetector.WindowSum;
import dev.runnel.examples.generator.GenerateCommand;
import dev.runnel.examples.io.Input;
import dev.runnel.examples.io.JsonLinesSource;
import dev.runnel.flink.FlinkRunner;
import dev.runnel.kafka.broker.LocalBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The S1 fraud detector, unchanged, on Flink with Runnel's Kafka source and exactly-once Kafka sinks
 * translated onto Flink's Kafka connector: generated transactions in a 4-partition topic, a Flink
 * checkpoint every 100 ms, window sums and alerts as Flink Kafka transactions. What a
 * {@code read_committed} consumer sees equals the Runnel run of the same detector on the same
 * transactions, record for record (sorted), at parallelism 1 and 2.
 */
class FraudDetectorKafkaOnFlinkTest {
    private static LocalBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void exactlyOnceOutputOnFlinkEqualsTheRunnelRun(int parallelism) throws Exception {
        Path file = dir.resolve("transactions.jsonl");
        generate(file, 4_000, 11);
        List<String> expectedSums = new ArrayList<>();
        List<String> expectedAlerts = new ArrayList<>();
        runOnRunnel(file, expectedSums::add, expectedAlerts::add);
        assertThat(expectedAlerts).isNotEmpty();
        assertThat(expectedSums).hasSizeGreaterThan(1_000);

        String input = "transactions-" + parallelism;
        String sums = "window-sums-" + parallelism;
        String alerts = "alerts-" + parallelism;
        broker.createTopic(input, 4);
        broker.createTopic(sums, 4);
        broker.createTopic(alerts, 1);
        produce(file, input);

        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(100), new CheckpointStorage(dir.resolve("checkpoints"), 3));
        FraudDetector.Config config = FraudDetector.Config.defaults();
        KafkaSource<Transaction> source = KafkaSource.<Transaction>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics(input).setGroupId("fraud-detector").setStartingOffsets(OffsetsInitializer.earliest())
            .setValueOnlyDeserializer(new TransactionJson()).setBounded(OffsetsInitializer.latest())
            .setProperty("max.partition.fetch.bytes", "16384")
            .build();
        FraudDetector.Outputs outputs = FraudDetector.detect(FraudDetector.read(env, source, config), config);
        outputs.windowSums().map(FraudDetectorKafkaOnFlinkTest::line).name("sum-lines")
            .sinkTo(exactlyOnce(sums, "flink-sums-" + parallelism));
        outputs.anomalies().map(FraudDetectorKafkaOnFlinkTest::line).name("alert-lines")
            .sinkTo(exactlyOnce(alerts, "flink-alerts-" + parallelism));
        FlinkRunner.execute(env, "fraud on flink, kafka to kafka");

        assertThat(sorted(values(alerts))).isEqualTo(sorted(expectedAlerts));
        List<String> sumLines = values(sums);
        assertThat(sumLines).hasSameSizeAs(expectedSums);
        assertThat(sorted(sumLines).equals(sorted(expectedSums))).as("window sums equal the Runnel run's, record for record").isTrue();
    }

    /** A transaction from a Kafka value holding one JSON line, parsed as the examples parse a JSON-lines file. */
    static final class TransactionJson implements DeserializationSchema<Transaction> {
        @Override
        public Transaction deserialize(byte[] message) throws IOException {
            try {
                return JsonLinesSource.parse(new String(message, StandardCharsets.UTF_8), ZoneId.of("UTC"), Transaction::parse);
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }

    static String line(WindowSum w) {
        return w.transactionId() + "," + w.windowStart() + "," + w.windowEnd() + "," + w.sum();
    }

    static String line(Anomaly a) {
        return a.transactionId() + "," + a.windowStart() + "," + a.windowEnd() + "," + a.sum();
    }

    private static KafkaSink<String> exactlyOnce(String topic, String prefix) {
        return KafkaSink.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                .setValueSerializationSchema(new SimpleStringSchema()).build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(prefix).build();
    }

    /** The detector on Runnel, reading the file as the examples CLI does. */
    private static void runOnRunnel(Path file, java.util.function.Consumer<String> sums, java.util.function.Consumer<String> alerts) {
        StreamEnvironment env = StreamEnvironment.create();
        FraudDetector.Config config = FraudDetector.Config.defaults();
        Source<Transaction> source = Input.file(file).source(ZoneId.of("UTC"), Transaction.COLUMNS, Transaction::parse);
        FraudDetector.Outputs outputs = FraudDetector.detect(FraudDetector.read(env, source, config), config);
        outputs.windowSums().addSink(w -> sums.accept(line(w)));
        outputs.anomalies().addSink(a -> alerts.accept(line(a)));
        env.execute("fraud on runnel");
    }

    private static void generate(Path file, long events, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = GenerateCommand.run(new String[] {"fraud", "--events", Long.toString(events), "--seed", Long.toString(seed),
            "--out", file.toString()}, new PrintStream(out), new PrintStream(out));
        assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Every line to {@code topic}, keyed by account, so an account's transactions stay in one partition in order. */
    private static void produce(Path file, String topic) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String json : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String account = new TransactionJson().deserialize(json.getBytes(StandardCharsets.UTF_8)).transactionId();
            records.add(new ProducerRecord<>(topic, account.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8)));
        }
        broker.produce(records);
    }

    private static List<String> values(String topic) throws InterruptedException {
        return broker.readCommitted(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
