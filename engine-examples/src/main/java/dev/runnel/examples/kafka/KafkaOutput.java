package dev.runnel.examples.kafka;

import dev.runnel.api.functions.Sink;
import dev.runnel.connector.base.DeliveryGuarantee;
import dev.runnel.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.runnel.connector.kafka.sink.KafkaSink;
import dev.runnel.examples.cli.Report;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * An example's output lines written to a Kafka topic, one {@link KafkaSink} per kind of line (each
 * kind is its own stream in the job), the kind as the record key. With checkpoints the sinks are
 * {@code EXACTLY_ONCE} (a transaction per checkpoint; transactional ids
 * {@code runnel-<example>-<topic>-<kind>}, stable across restores as they must be); without, a run
 * cannot be restored and {@code AT_LEAST_ONCE} writes each line as it comes.
 */
public final class KafkaOutput implements Report.LineSinks {
    private final String example;
    private final String bootstrapServers;
    private final String topic;
    private final boolean exactlyOnce;
    private final Set<String> kinds = new HashSet<>();

    public KafkaOutput(String example, String bootstrapServers, String topic, boolean exactlyOnce) {
        this.example = example;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.exactlyOnce = exactlyOnce;
    }

    @Override
    public <T> Sink<T> sink(String kind, Function<T, String> line, Runnable counted) {
        String prefix = "runnel-" + example + "-" + topic + "-" + kind.toLowerCase(java.util.Locale.ROOT)
            + (kinds.add(kind) ? "" : "-" + kinds.size());
        byte[] key = kind.getBytes(StandardCharsets.UTF_8);
        return KafkaSink.<T>builder().setBootstrapServers(bootstrapServers)
            .setRecordSerializer(KafkaRecordSerializationSchema.<T>builder().setTopic(topic)
                .setKeySerializationSchema(value -> key)
                .setValueSerializationSchema(value -> {
                    counted.run();
                    return line.apply(value).getBytes(StandardCharsets.UTF_8);
                })
                .build())
            .setDeliveryGuarantee(exactlyOnce ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE)
            .setTransactionalIdPrefix(prefix)
            .build();
    }
}
