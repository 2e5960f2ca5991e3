package dev.runnel.examples.kafka;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.Source;
import dev.runnel.connector.base.DeliveryGuarantee;
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
import dev.runnel.examples.io.Json;
import dev.runnel.connector.kafka.SimpleStringSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import dev.runnel.kafka.broker.LocalBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The S1 fraud detector wired to Kafka: generated transactions in a 4-partition topic (keyed by
 * account), window sums and alerts (anomalies) written exactly once to two topics. Shared by the
 * end-to-end test and the kill -9 child.
 */
final class FraudPipeline {
    static final String INPUT = "transactions";
    static final String SUMS = "window-sums";
    static final String ALERTS = "alerts";

    private FraudPipeline() {}

    static String line(WindowSum w) {
        return w.transactionId() + "," + w.windowStart() + "," + w.windowEnd() + "," + w.sum();
    }

    static String line(Anomaly a) {
        return a.transactionId() + "," + a.windowStart() + "," + a.windowEnd() + "," + a.sum();
    }

    /** Generates {@code events} S1 transactions as JSON lines into {@code file}. */
    static void generate(Path file, long events, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = GenerateCommand.run(new String[] {"fraud", "--events", Long.toString(events), "--seed", Long.toString(seed),
            "--out", file.toString()}, new PrintStream(out), new PrintStream(out));
        if (rc != 0) {
            throw new IllegalStateException("generate failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    /** The detector on the file, as the examples CLI runs it; window sums and alerts as lines. */
    static void runOnFile(Path file, Consumer<String> sums, Consumer<String> alerts) {
        StreamEnvironment env = StreamEnvironment.create();
        FraudDetector.Config config = FraudDetector.Config.defaults();
        Source<Transaction> source = Input.file(file).source(ZoneId.of("UTC"), Transaction.COLUMNS, Transaction::parse);
        FraudDetector.Outputs outputs = FraudDetector.detect(FraudDetector.read(env, source, config), config);
        outputs.windowSums().addSink(w -> sums.accept(line(w)));
        outputs.anomalies().addSink(a -> alerts.accept(line(a)));
        env.execute("fraud on a file");
    }

    /** Produces every line of {@code file} to the input topic, keyed by account. */
    static void produce(LocalBroker broker, Path file) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String account = Json.MAPPER.readTree(line).get("transaction_id").asText();
            records.add(new ProducerRecord<>(INPUT, account.getBytes(StandardCharsets.UTF_8), line.getBytes(StandardCharsets.UTF_8)));
        }
        broker.produce(records);
    }

    /** The detector reading the input topic (bounded: what is there when it starts) and writing both outputs exactly once. */
    static void define(StreamEnvironment env, String bootstrapServers, String transactionalIdPrefix,
                       dev.runnel.api.functions.MapFunction<Transaction, Transaction> tap) {
        FraudDetector.Config config = FraudDetector.Config.defaults();
        KafkaSource<Transaction> source = KafkaSource.<Transaction>builder().setBootstrapServers(bootstrapServers)
            .setTopics(INPUT).setGroupId("fraud-detector").setStartingOffsets(OffsetsInitializer.earliest())
            .setValueOnlyDeserializer(new JsonRecords<>(Transaction::parse, ZoneId.of("UTC"))).setBounded(OffsetsInitializer.latest())
            // small fetches interleave the four partitions, so event time moves on all of them within the first
            // few hundred records and windows fire early; with 1 MB fetches one partition is read whole first and
            // the watermark (the minimum over partitions) waits for the last one
            .setProperty("max.partition.fetch.bytes", "16384")
            .build();
        var transactions = FraudDetector.read(env, source, config).map(tap).name("tap");
        FraudDetector.Outputs outputs = FraudDetector.detect(transactions, config);
        outputs.windowSums().map(FraudPipeline::line).name("sum-lines").sinkTo(exactlyOnce(bootstrapServers, SUMS, transactionalIdPrefix + "-sums"));
        outputs.anomalies().map(FraudPipeline::line).name("alert-lines").sinkTo(exactlyOnce(bootstrapServers, ALERTS, transactionalIdPrefix + "-alerts"));
    }

    private static KafkaSink<String> exactlyOnce(String bootstrapServers, String topic, String prefix) {
        return KafkaSink.<String>builder().setBootstrapServers(bootstrapServers)
            .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                .setValueSerializationSchema(new SimpleStringSchema()).build())
            .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(prefix).build();
    }
}
