package dev.runnel.examples.kafka;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the topics the examples write to when they are missing (brokers often refuse to create topics on first use). */
public final class KafkaTopics {
    private static final int TIMEOUT_SECONDS = 30;

    private KafkaTopics() {}

    /** Makes sure {@code topic} exists, creating it with {@code partitions} partitions (replication 1) if it does not. */
    public static void ensure(String bootstrapServers, String topic, int partitions) {
        Properties props = new Properties();
        props.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Integer.toString(TIMEOUT_SECONDS * 1000));
        try (Admin admin = Admin.create(props)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + topic + " at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
                }
            }
            awaitLeaders(admin, topic);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not describe topic " + topic + " at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker at " + bootstrapServers + " answered within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    /**
     * Returns once the brokers lead every partition of {@code topic}: a new topic is acknowledged before the
     * brokers have applied it, and an idempotent producer writing at once can get stuck retrying its first batch
     * with an out-of-order sequence number until its delivery timeout (120 s).
     */
    private static void awaitLeaders(Admin admin, String topic) throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
                if (description.partitions().stream().allMatch(p -> p.leader() != null)) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e; // the broker not knowing the new topic yet is what this waits out
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic " + topic + " has no leader for every partition");
            }
            Thread.sleep(20);
        }
    }
}
