package dev.runnel.connector.kafka.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Which partitions the source reads: named topics, a topic pattern, or fixed partitions. */
public sealed interface TopicSubscriber {

    /** The partitions that exist now. {@code required}: fail on a named topic that does not exist. */
    List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout, boolean required);

    record Topics(List<String> topics) implements TopicSubscriber {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout, boolean required) {
            // listTopics asks the brokers every time; partitionsFor would answer from the consumer's
            // metadata cache and miss partitions added since (until metadata.max.age.ms)
            Map<String, List<PartitionInfo>> all = consumer.listTopics(timeout);
            List<TopicPartition> result = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = all.get(topic);
                if (infos == null || infos.isEmpty()) {
                    if (required) {
                        throw new IllegalStateException("Kafka topic '" + topic + "' does not exist; create it before the job starts");
                    }
                    continue;
                }
                infos.forEach(i -> result.add(new TopicPartition(i.topic(), i.partition())));
            }
            return result;
        }

        @Override
        public String toString() {
            return String.join(",", topics);
        }
    }

    record TopicPattern(Pattern pattern) implements TopicSubscriber {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout, boolean required) {
            List<TopicPartition> result = new ArrayList<>();
            for (Map.Entry<String, List<PartitionInfo>> e : consumer.listTopics(timeout).entrySet()) {
                if (pattern.matcher(e.getKey()).matches()) {
                    e.getValue().forEach(i -> result.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            return result;
        }

        @Override
        public String toString() {
            return "pattern " + pattern;
        }
    }

    record Partitions(Set<TopicPartition> partitions) implements TopicSubscriber {
        @Override
        public List<TopicPartition> partitions(Consumer<?, ?> consumer, Duration timeout, boolean required) {
            return List.copyOf(partitions);
        }

        @Override
        public String toString() {
            return partitions.toString();
        }
    }

    static String describe(Collection<TopicPartition> partitions) {
        return partitions.size() <= 8 ? partitions.toString() : partitions.size() + " partitions";
    }
}
