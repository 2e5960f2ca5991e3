package dev.runnel.flink;

import dev.runnel.api.plan.SourceNode;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.connector.kafka.sink.KafkaSink;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.KafkaSourceConfig;
import dev.runnel.connector.kafka.source.TopicSubscriber;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runnel's {@link KafkaSource} and {@link KafkaSink} onto Flink's Kafka connector (3.4.0-1.20, with
 * its own relocated kafka-clients: module flink-kafka-shaded), every setting carried over
 * (docs/flink-runner.md, "Kafka"). Runnel's own code still decides what Runnel decides: its offsets
 * initializers pick the offsets, its schemas read and write the records, its dead letters are written
 * the same way. The translator recognizes them by class name ({@link #SOURCE_CLASS}, {@link #SINK_CLASS}, compile-time
 * constants), so a job without Kafka loads neither this class nor any Kafka class.
 */
final class KafkaTranslation {
    static final String SOURCE_CLASS = "dev.runnel.connector.kafka.source.KafkaSource";
    static final String SINK_CLASS = "dev.runnel.connector.kafka.sink.KafkaSink";
    /** Flink's default (1 h) exceeds a default broker's {@code transaction.max.timeout.ms} (15 min), which refuses it. */
    static final String DEFAULT_TRANSACTION_TIMEOUT_MS = "900000";

    private KafkaTranslation() {}

    /** Flink's {@code KafkaSource} with the Runnel source's settings, at {@code parallelism} (one split reader per subtask). */
    @SuppressWarnings("unchecked")
    static SingleOutputStreamOperator<Object> source(StreamExecutionEnvironment env, SourceNode<Object> node, int parallelism) {
        WatermarkStrategy<Object> strategy = node.watermarkStrategy();
        KafkaSourceConfig<Object> config = ((KafkaSource<Object>) node.source()).config();
        KafkaSourceBuilder<Object> builder = org.apache.flink.connector.kafka.source.KafkaSource.<Object>builder();
        Properties properties = config.consumerProperties();
        // Flink's source options, which Runnel's builder keeps apart from the consumer's properties
        properties.setProperty("partition.discovery.interval.ms",
            config.discoveryInterval() == null ? "-1" : Long.toString(config.discoveryInterval().toMillis()));
        properties.setProperty("commit.offsets.on.checkpoint", Boolean.toString(config.commitOffsetsOnCheckpoint()));
        builder.setProperties(properties);
        TopicSubscriber subscriber = config.subscriber();
        if (subscriber instanceof TopicSubscriber.Topics t) {
            builder.setTopics(t.topics());
        } else if (subscriber instanceof TopicSubscriber.TopicPattern p) {
            builder.setTopicPattern(p.pattern());
        } else {
            builder.setPartitions(((TopicSubscriber.Partitions) subscriber).partitions().stream().map(KafkaRecords::toFlink).collect(Collectors.toSet()));
        }
        builder.setStartingOffsets(new KafkaOffsetsInitializer(config.startingOffsets()));
        if (config.stoppingOffsets() != null) {
            builder.setBounded(new KafkaOffsetsInitializer(config.stoppingOffsets()));
        }
        Shipped<WatermarkStrategy<Object>> shippedStrategy = Shipped.of(strategy, "the watermark strategy of source '" + node.name() + "'");
        builder.setDeserializer(new KafkaDeserializerAdapter(config.deserializer(), strategy.futureEventGuard() == null ? null : shippedStrategy));
        return env.fromSource(builder.build(), new FlinkWatermarkStrategy(shippedStrategy),
            node.name(), AnyType.INSTANCE).setParallelism(parallelism);
    }

    /** Flink's {@code KafkaSink} with the Runnel sink's producer properties, record serializer, guarantee and transactional id prefix. */
    @SuppressWarnings("unchecked")
    static DataStreamSink<Object> sinkTo(String name, Object sink, DataStream<Object> in) {
        KafkaSink<Object> runnel = (KafkaSink<Object>) sink;
        Properties properties = runnel.getKafkaProducerConfig();
        properties.putIfAbsent("transaction.timeout.ms", DEFAULT_TRANSACTION_TIMEOUT_MS);
        var builder = org.apache.flink.connector.kafka.sink.KafkaSink.<Object>builder()
            .setKafkaProducerConfig(properties)
            .setRecordSerializer(new KafkaSerializerAdapter(runnel.getRecordSerializer()))
            .setDeliveryGuarantee(DeliveryGuarantee.valueOf(runnel.getDeliveryGuarantee().name()));
        if (runnel.getTransactionalIdPrefix() != null) {
            builder.setTransactionalIdPrefix(runnel.getTransactionalIdPrefix());
        }
        return in.sinkTo(builder.build());
    }
}
