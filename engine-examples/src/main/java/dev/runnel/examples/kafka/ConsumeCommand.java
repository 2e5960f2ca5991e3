package dev.runnel.examples.kafka;

import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.UsageException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code consume --bootstrap-servers HOST:PORT --topic TOPIC}: prints every committed record's value
 * ({@code read_committed}, as a consumer of exactly-once output must read), partition by partition
 * from the beginning, up to the end the topic has when the command starts; then it exits.
 */
public final class ConsumeCommand {
    static final List<Option> OPTIONS = List.of(
        Option.text("bootstrap-servers", "HOST:PORT", null, "the Kafka brokers"),
        Option.text("topic", "TOPIC", null, "the topic to print"),
        Option.flag("help", "this help"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ConsumeCommand() {}

    public static String help() {
        StringBuilder sb = new StringBuilder("Print a topic: java -jar runnel-examples.jar consume --bootstrap-servers HOST:PORT --topic TOPIC\n");
        OPTIONS.forEach(o -> sb.append(o.helpLine()).append('\n'));
        return sb.toString();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Args parsed = Args.parse(args, OPTIONS);
        if (parsed.has("help")) {
            out.print(help());
            return 0;
        }
        if (!parsed.has("bootstrap-servers") || !parsed.has("topic")) {
            throw new UsageException("consume needs --bootstrap-servers HOST:PORT and --topic TOPIC");
        }
        String topic = parsed.string("topic", null);
        Properties props = new Properties();
        props.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, parsed.string("bootstrap-servers", null));
        props.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.setProperty(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            if (partitions.isEmpty()) {
                err.println("No topic " + topic);
                return 1;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    err.println("Could not read " + topic + " to its end " + end + " within " + TIMEOUT.toSeconds() + " s");
                    return 1;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.println(new String(r.value(), StandardCharsets.UTF_8));
                    printed++;
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("Could not read " + topic + ": " + e.getMessage());
            return 1;
        }
        out.flush();
        err.println(printed + " records in " + topic);
        return 0;
    }
}
