package dev.runnel.examples.kafka;

import dev.runnel.examples.generator.Generated;
import dev.runnel.examples.generator.GeneratorConfig;
import dev.runnel.examples.generator.ScenarioGenerator;

/** {@code generate <scenario> --bootstrap-servers HOST:PORT --topic TOPIC}: the scenario's events as JSON records in a topic. */
public final class GenerateIntoTopic {
    private GenerateIntoTopic() {}

    /** Creates {@code topic} with {@code partitions} partitions if it is missing, then produces the generated events into it. */
    public static Generated run(ScenarioGenerator scenario, GeneratorConfig config, String bootstrapServers, String topic, int partitions) {
        KafkaTopics.ensure(bootstrapServers, topic, partitions);
        try (TopicWriter writer = new TopicWriter(bootstrapServers, topic, scenario.columns().get(0))) {
            return Generated.write(scenario, config, true, writer);
        }
    }
}
