package dev.runnel.kafka.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node Kafka (KRaft, one combined controller and broker) in this JVM, on loopback
 * ports, with its logs in a temporary directory removed on close: what the connector's and the
 * examples' tests start (one per test class), what {@code runnel-examples.jar broker} runs for
 * trying the Kafka examples, and the Kafka benchmark's broker. Started with Kafka's own
 * {@code KafkaClusterTestKit}, the launcher Kafka's integration tests use.
 */
public final class LocalBroker implements AutoCloseable {
    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private LocalBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = cluster.admin();
    }

    /** A broker on a free loopback port (see {@link #bootstrapServers()}). */
    public static LocalBroker start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .setConfigProp("message.max.bytes", "8388608")
            .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return new LocalBroker(cluster);
    }

    /** Runs a broker until killed, printing its bootstrap servers (the examples' {@code broker} command does the same). */
    public static void main(String[] args) throws Exception {
        LocalBroker broker = start();
        System.out.println("bootstrap.servers=" + broker.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topic and returns once the broker leads every partition (see {@link #awaitLeaders}). */
    public void createTopic(String topic, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        awaitLeaders(admin, topic, partitions);
    }

    public void addPartitions(String topic, int totalPartitions) throws Exception {
        admin.createPartitions(Map.of(topic, org.apache.kafka.clients.admin.NewPartitions.increaseTo(totalPartitions)))
            .all().get(30, TimeUnit.SECONDS);
        awaitLeaders(admin, topic, totalPartitions);
    }

    /**
     * Waits (up to 30 s) until the broker's own metadata has a leader for each of the topic's
     * {@code partitions}. The controller acknowledges a new topic before the broker has applied it; an
     * idempotent producer that writes at once gets NOT_LEADER_OR_FOLLOWER for its first batch while
     * later batches of the same partition go through, and then retries the first with an
     * out-of-order sequence number until its delivery timeout (120 s): a test that seemed to hang.
     */
    public static void awaitLeaders(Admin admin, String topic, int partitions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Object state;
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
                if (description.partitions().size() >= partitions && description.partitions().stream().allMatch(p -> p.leader() != null)) {
                    return;
                }
                state = description;
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                state = "not known to the broker yet"; // the broker has not applied the new topic yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no leader for every partition after 30 s: " + state);
            }
            Thread.sleep(20);
        }
    }

    public KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "8388608");
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        // one batch in flight per connection: a first batch refused (NOT_LEADER_OR_FOLLOWER, the broker still taking up a
        // new partition) is retried before any later one is sent, instead of after them with a sequence number the
        // partition has passed, which the idempotent producer retries until its delivery timeout (120 s)
        p.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the records and waits until the broker has them all. */
    public void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r);
            }
            producer.flush();
        }
    }

    /**
     * Every record of {@code topic} a {@code read_committed} consumer sees, partition by partition in
     * offset order. A committed transaction's markers reach the partitions shortly after
     * {@code commitTransaction} returns, so this first waits (up to 10 s) until no transaction is
     * pending on the topic; one that stays open is left out, as for any read_committed reader.
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) throws InterruptedException {
        awaitNoPendingTransaction(topic);
        return read(topic, "read_committed");
    }

    private void awaitNoPendingTransaction(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (endOffsets(topic, "read_committed").equals(endOffsets(topic, "read_uncommitted"))) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private Map<TopicPartition, Long> endOffsets(String topic, String isolation) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(isolation)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String isolation) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic, String isolation) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(result::add);
            }
        }
        result.sort(java.util.Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
            .thenComparingLong(ConsumerRecord::offset));
        return result;
    }

    /** The offsets committed for {@code group}, by partition. */
    public Map<TopicPartition, Long> committedOffsets(String group) throws Exception {
        Map<TopicPartition, Long> result = new java.util.HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
            .forEach((p, o) -> result.put(p, o.offset()));
        return result;
    }

    @Override
    public void close() throws Exception {
        admin.close();
        cluster.close();
    }
}
