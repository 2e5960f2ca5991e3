package dev.runnel.connector.kafka.sink;

import dev.runnel.api.sink.TwoPhaseCommitSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EXACTLY_ONCE: each checkpoint interval's records become one Kafka transaction, visible when the
 * checkpoint completes.
 *
 * <p>How, with only Kafka's public API: the records of an interval are staged (kept by the writer
 * and written into the checkpoint by {@link #preCommit}); when the checkpoint completes they are
 * sent in a transaction of the producer {@code <prefix>-<subtask>} that also commits, atomically, a
 * marker offset (the checkpoint id) for consumer group {@code <prefix>-<subtask>}. A restored
 * writer first initializes the transactional ids of the restored subtasks, which aborts any
 * transaction a crashed run left open, then reads the markers (stable offsets only) and commits
 * again exactly the restored intervals whose marker is missing. Kafka's client cannot resume a
 * transaction another producer instance left prepared, which is why the records wait in the
 * checkpoint rather than in an open transaction; the cost is memory and checkpoint size for one
 * or two checkpoint intervals of output. The markers carry a run token so that a fresh job with
 * the same prefix never mistakes an old run's markers for its own.
 */
final class ExactlyOnceWriter<T> implements TwoPhaseCommitSink.Writer<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceWriter.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final Properties props;
    private final KafkaRecordSerializationSchema<T> serializer;
    private final String prefix;
    private final int subtask;
    private final String token;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaSinkContext context;
    private List<ProducerRecord<byte[], byte[]>> current = new ArrayList<>();
    private final TreeMap<Long, List<ProducerRecord<byte[], byte[]>>> staged = new TreeMap<>();
    private long lastCheckpointId;

    ExactlyOnceWriter(Properties props, KafkaRecordSerializationSchema<T> serializer, String prefix, int subtask,
                      List<byte[]> restored) throws Exception {
        this.props = props;
        this.serializer = serializer;
        this.prefix = prefix;
        this.subtask = subtask;
        List<StagedTransactions> states = new ArrayList<>();
        for (byte[] blob : restored) {
            states.add(StagedTransactions.fromBytes(blob));
        }
        this.token = states.stream().filter(s -> s.subtask() == subtask).map(StagedTransactions::token).findFirst()
            .orElseGet(() -> UUID.randomUUID().toString());
        this.producer = transactionalProducer(transactionalId(subtask));
        // fences earlier instances of this id and aborts the transaction a crashed run may have left open
        producer.initTransactions();
        this.context = new ProducerSinkContext(subtask, producer);
        if (!states.isEmpty()) {
            recommit(states);
        }
    }

    private String transactionalId(int sub) {
        return prefix + "-" + sub;
    }

    private KafkaProducer<byte[], byte[]> transactionalProducer(String transactionalId) {
        Properties p = new Properties();
        p.putAll(props);
        p.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Commits the restored intervals that the brokers do not have yet; aborts what the crashed runs left open. */
    private void recommit(List<StagedTransactions> states) throws Exception {
        for (StagedTransactions s : states) {
            if (s.subtask() != subtask) {
                try (KafkaProducer<byte[], byte[]> fence = transactionalProducer(transactionalId(s.subtask()))) {
                    fence.initTransactions();
                }
            }
        }
        Properties adminProps = new Properties();
        adminProps.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, props.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(adminProps)) {
            for (StagedTransactions s : states) {
                String group = transactionalId(s.subtask());
                Map<TopicPartition, OffsetAndMetadata> markers = admin.listConsumerGroupOffsets(group,
                        new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                TreeMap<Long, List<ProducerRecord<byte[], byte[]>>> missing = new TreeMap<>();
                for (Map.Entry<Long, List<ProducerRecord<byte[], byte[]>>> e : s.byCheckpoint().entrySet()) {
                    if (e.getValue().isEmpty()) {
                        continue;
                    }
                    OffsetAndMetadata marker = markers.get(markerPartition(e.getValue()));
                    boolean committed = marker != null && s.token().equals(marker.metadata()) && marker.offset() >= e.getKey();
                    if (!committed) {
                        missing.put(e.getKey(), e.getValue());
                    }
                }
                LOG.info("Kafka sink {}: restored {} staged checkpoint(s) of subtask {}, committing {} again: {}",
                    transactionalId(subtask), s.byCheckpoint().size(), s.subtask(), missing.size(), missing.keySet());
                commitStaged(missing, group, s.token());
                lastCheckpointId = Math.max(lastCheckpointId, s.byCheckpoint().isEmpty() ? 0 : s.byCheckpoint().lastKey());
            }
        }
    }

    private static TopicPartition markerPartition(List<ProducerRecord<byte[], byte[]>> records) {
        return new TopicPartition(records.get(0).topic(), 0);
    }

    @Override
    public void write(T value, long timestamp) {
        ProducerRecord<byte[], byte[]> record = serializer.serialize(value, context, timestamp >= 0 ? timestamp : null);
        if (record != null) {
            current.add(record);
        }
    }

    @Override
    public byte[] preCommit(long checkpointId) throws Exception {
        staged.put(checkpointId, current);
        current = new ArrayList<>();
        lastCheckpointId = checkpointId;
        return new StagedTransactions(token, subtask, staged).toBytes();
    }

    @Override
    public void commit(long checkpointId) {
        Map<Long, List<ProducerRecord<byte[], byte[]>>> due = staged.headMap(checkpointId, true);
        if (due.isEmpty()) {
            return;
        }
        commitStaged(new TreeMap<>(due), transactionalId(subtask), token);
        due.clear();
    }

    @Override
    public void finish() {
        staged.put(lastCheckpointId + 1, current);
        current = new ArrayList<>();
        commit(Long.MAX_VALUE);
    }

    /** One transaction: the records of every interval in {@code intervals}, and a marker per marker partition. */
    private void commitStaged(TreeMap<Long, List<ProducerRecord<byte[], byte[]>>> intervals, String group, String runToken) {
        Map<TopicPartition, OffsetAndMetadata> markers = new HashMap<>();
        int records = 0;
        for (Map.Entry<Long, List<ProducerRecord<byte[], byte[]>>> e : intervals.entrySet()) {
            if (!e.getValue().isEmpty()) {
                markers.put(markerPartition(e.getValue()), new OffsetAndMetadata(e.getKey(), runToken));
                records += e.getValue().size();
            }
        }
        if (records == 0) {
            return;
        }
        producer.beginTransaction();
        for (List<ProducerRecord<byte[], byte[]>> interval : intervals.values()) {
            for (ProducerRecord<byte[], byte[]> r : interval) {
                producer.send(r);
            }
        }
        producer.sendOffsetsToTransaction(markers, new ConsumerGroupMetadata(group));
        // fails (and so fails the job, which restores and commits again) if any send failed
        producer.commitTransaction();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
