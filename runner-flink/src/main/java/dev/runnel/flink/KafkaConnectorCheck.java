package dev.runnel.flink;

/**
 * Whether Flink's Kafka connector (module flink-kafka-shaded) is on the class path, asked before
 * {@link KafkaTranslation} is touched: it names the classes by string only, so it loads even when
 * they are missing, and a job that uses Runnel's Kafka connector without Flink's is refused with the
 * artifact to add instead of failing with a {@code NoClassDefFoundError}.
 */
final class KafkaConnectorCheck {
    private static final String[] REQUIRED = {
        "org.apache.flink.connector.kafka.source.KafkaSource",
        "dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.consumer.ConsumerRecord",
    };

    private KafkaConnectorCheck() {}

    static void require(String operator, ClassLoader loader) {
        for (String name : REQUIRED) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                throw new UntranslatableException(operator, "Runnel's Kafka connector runs on Flink's, which is not on the class path ("
                    + name + " is missing): add dev.runnel:runnel-flink-kafka-shaded to the job (docs/flink-runner.md, \"Kafka\")");
            }
        }
    }
}
