package dev.runnel.benchmarks;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.connector.base.DeliveryGuarantee;
import dev.runnel.connector.kafka.DeserializationSchema;
import dev.runnel.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.runnel.connector.kafka.sink.KafkaSink;
import dev.runnel.connector.kafka.source.KafkaSource;
import dev.runnel.connector.kafka.source.OffsetsInitializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

/**
 * W1 read from Kafka, against a broker given by {@code --kafka host:port}: N benchmark events
 * (28-byte binary values) are produced round-robin into a new 4-partition topic, then measured in
 * one invocation: (a) a plain {@code KafkaConsumer} poll loop that only deserializes (the limit any
 * Kafka source has) and (b) {@code KafkaSource} into W1, alternating for a warm-up round and then
 * {@code --runs} rounds (medians reported), then once (c) the same with checkpoints every second and W1's output written by an
 * {@code EXACTLY_ONCE} {@code KafkaSink}.
 */
final class KafkaWorkloads {
    private static final int PARTITIONS = 4;

    private KafkaWorkloads() {}

    static void run(String bootstrap, long n, long seed, int runs) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String input = "bench-events-" + run;
        String output = "bench-w1-" + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(input, PARTITIONS, (short) 1), new NewTopic(output, PARTITIONS, (short) 1)))
                .all().get(60, TimeUnit.SECONDS);
            // the broker applies a new topic after the controller acknowledged it; writing before it leads every partition can
            // stall the producer until its delivery timeout (a first batch refused, later ones accepted, then out of order)
            while (!leadsEveryPartition(admin, input)) {
                Thread.sleep(20);
            }
        }
        long start = System.nanoTime();
        produce(bootstrap, input, n, seed);
        System.out.printf("produced %,d events into %s (%d partitions) in %.1f s%n", n, input, PARTITIONS, seconds(start));

        // (a) and (b) alternate, so that a change in the machine's load hits both; (c) once, it is far slower.
        // Round 0 warms up the consumer's and the job's code and is left out of the medians: in a cold JVM the
        // first (a) pays the consumer's JIT warm-up and (b), which follows it, does not
        double[] as = new double[runs];
        double[] bs = new double[runs];
        double warmA = n / timed(() -> consumerLoop(bootstrap, input, n));
        double warmB = n / timed(() -> sourceToW1(bootstrap, input, null));
        System.out.printf("round 0 (warm-up, not counted): (a) %,.0f ev/s, (b) %,.0f ev/s = %.2fx%n", warmA, warmB, warmB / warmA);
        for (int r = 0; r < runs; r++) {
            as[r] = n / timed(() -> consumerLoop(bootstrap, input, n));
            System.out.printf("round %d (a) KafkaConsumer poll loop, deserialize only   %,12.0f ev/s   1.00x%n", r + 1, as[r]);
            bs[r] = n / timed(() -> sourceToW1(bootstrap, input, null));
            System.out.printf("round %d (b) KafkaSource -> W1                            %,12.0f ev/s   %.2fx (a)%n", r + 1, bs[r], bs[r] / as[r]);
        }
        double a = median(as);
        double b = median(bs);
        double c = n / timed(() -> sourceToW1(bootstrap, input, output));
        System.out.printf("(a) KafkaConsumer poll loop, deserialize only   %,12.0f ev/s   1.00x   (median of %d)%n", a, runs);
        System.out.printf("(b) KafkaSource -> W1                            %,12.0f ev/s   %.2fx (a)  (median of %d)%n", b, b / a, runs);
        System.out.printf("(c) KafkaSource -> W1 -> KafkaSink EXACTLY_ONCE  %,12.0f ev/s   %.2fx (a)  (checkpoints every 1 s, one run)%n", c, c / a);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static boolean leadsEveryPartition(Admin admin, String topic) throws Exception {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic).partitions().stream()
                .allMatch(p -> p.leader() != null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false; // not applied by the broker yet
            }
            throw e;
        }
    }

    private interface Job {
        void run() throws Exception;
    }

    private static double timed(Job job) throws Exception {
        long start = System.nanoTime();
        job.run();
        return seconds(start);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void produce(String bootstrap, String topic, long n, long seed) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // loading test data: a retried batch may be written twice, which only shifts the count of (a)
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.setProperty(ProducerConfig.ACKS_CONFIG, "1");
        EventGenerator generator = new EventGenerator(seed);
        Event e = new Event();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < n; i++) {
                generator.fill(e);
                producer.send(new ProducerRecord<>(topic, (int) (i % PARTITIONS), null, encode(e)));
            }
            producer.flush();
        }
    }

    static byte[] encode(Event e) {
        return ByteBuffer.allocate(28).putLong(e.key).putLong(e.ts).putInt(e.type).putDouble(e.amount).array();
    }

    static Event decode(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        Event e = new Event();
        e.key = b.getLong();
        e.ts = b.getLong();
        e.type = b.getInt();
        e.amount = b.getDouble();
        return e;
    }

    private static void consumerLoop(String bootstrap, String topic, long n) {
        Properties p = new Properties();
        p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long read = 0;
        double checksum = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < n) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    checksum += decode(r.value()).amount;
                    read++;
                }
            }
        }
        if (checksum < 0) {
            System.out.println(checksum);
        }
    }

    /** W1 on the topic; with {@code output} set, checkpoints every second and W1's sums go to it exactly once. */
    private static void sourceToW1(String bootstrap, String topic, String output) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<Event> source = KafkaSource.<Event>builder().setBootstrapServers(bootstrap).setTopics(topic)
            .setValueOnlyDeserializer((DeserializationSchema<Event>) KafkaWorkloads::decode)
            .setBounded(OffsetsInitializer.latest()).build();
        DataStream<Event> events = env.fromSource(source,
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(200)).withTimestampAssigner((e, t) -> e.ts), "kafka");
        DataStream<Double> sums = events.keyBy(e -> e.key % 10_000).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .aggregate(new EngineWorkloads.SumAmount());
        if (output == null) {
            sums.addSink(new EngineWorkloads.CountingSink<>(1));
        } else {
            env.enableCheckpointing(Duration.ofSeconds(1), new CheckpointStorage(Files.createTempDirectory("kafka-bench"), 2));
            sums.sinkTo(KafkaSink.<Double>builder().setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.<Double>builder().setTopic(output)
                    .setValueSerializationSchema(d -> Double.toString(d).getBytes(StandardCharsets.UTF_8)).build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE).setTransactionalIdPrefix(output)
                .setProperty(ProducerConfig.LINGER_MS_CONFIG, "20").setProperty(ProducerConfig.BATCH_SIZE_CONFIG, "262144")
                .build());
        }
        env.execute(output == null ? "kafka-W1" : "kafka-W1-exactly-once");
    }
}
