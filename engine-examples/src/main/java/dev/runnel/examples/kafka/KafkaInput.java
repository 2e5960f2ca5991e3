package dev.runnel.examples.kafka;

import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import dev.runnel.examples.io.Input;

/** An example's events read from a Kafka topic: a {@link KafkaSource} from the earliest offset, checkpointed per partition. */
public final class KafkaInput {
    private KafkaInput() {}

    /**
     * Reads {@code topic} from its beginning (a restore continues from the checkpointed offsets); with
     * {@code bounded} the job stops at what the topic holds when it starts. Offsets are committed to
     * the group {@code runnel-<example>} on completed checkpoints, for lag monitoring only.
     */
    public static Input of(String example, String bootstrapServers, String topic, boolean bounded) {
        return Input.from("kafka:" + topic, new Input.SourceFactory() {
            @Override
            public <T> dev.runnel.api.source.Source<T> source(java.time.ZoneId zone, java.util.List<String> columns,
                                                               dev.runnel.examples.io.RecordFormat<T> format) {
                var builder = KafkaSource.<T>builder().setBootstrapServers(bootstrapServers).setTopics(topic)
                    .setGroupId("runnel-" + example).setStartingOffsets(OffsetsInitializer.earliest())
                    .setValueOnlyDeserializer(new JsonRecords<>(format, zone))
                    // alerts written exactly once become visible at commit: read only committed input, as Flink users do
                    .setProperty("isolation.level", "read_committed");
                if (bounded) {
                    builder.setBounded(OffsetsInitializer.latest());
                }
                return builder.build();
            }
        });
    }
}
