package dev.runnel.connector.kafka;

import dev.runnel.kafka.broker.LocalBroker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.connector.base.DeliveryGuarantee;
import dev.runnel.connector.kafka.sink.KafkaRecordSerializationSchema;
import dev.runnel.connector.kafka.sink.KafkaSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KafkaSink's writers against a real broker, driven as the runtime drives them, including the
 * crash windows a random kill rarely hits: a checkpoint that completed but was never committed, the
 * same checkpoint restored twice, a transaction a crashed run left open, and a new run reusing a prefix.
 */
class KafkaSinkTest {
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static KafkaSink<String> sink(String topic, DeliveryGuarantee guarantee, String prefix) {
        var builder = KafkaSink.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setRecordSerializer(KafkaRecordSerializationSchema.<String>builder().setTopic(topic)
                .setKeySerializationSchema(new SimpleStringSchema()).setValueSerializationSchema(new SimpleStringSchema()).build())
            .setDeliveryGuarantee(guarantee);
        if (prefix != null) {
            builder.setTransactionalIdPrefix(prefix);
        }
        return builder.build();
    }

    private static List<String> committed(String topic) throws InterruptedException {
        return broker.readCommitted(topic).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void atLeastOnceAndNoneWriteEveryRecordWithItsTimestampAndKey() throws Exception {
        for (DeliveryGuarantee g : List.of(DeliveryGuarantee.AT_LEAST_ONCE, DeliveryGuarantee.NONE)) {
            String topic = "plain-" + g.name().toLowerCase();
            broker.createTopic(topic, 2);
            StreamEnvironment env = StreamEnvironment.create();
            env.fromElements("a", "b", "c").sinkTo(sink(topic, g, null));
            env.execute("write");
            var records = broker.readCommitted(topic);
            assertThat(records).extracting(r -> new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("a=a", "b=b", "c=c");
        }
    }

    @Test
    void aCompletedButUncommittedCheckpointIsCommittedOnRestoreExactlyOnce() throws Exception {
        broker.createTopic("eo-restore", 1);
        KafkaSink<String> sink = sink("eo-restore", DeliveryGuarantee.EXACTLY_ONCE, "eo-restore");

        TwoPhaseCommitSink.Writer<String> first = sink.createWriter(0, List.of());
        first.write("r1", 1L);
        first.write("r2", 2L);
        byte[] checkpoint1 = first.preCommit(1);
        first.write("after-1", 3L);                 // never checkpointed: must never become visible
        first.close();                              // the crash: checkpoint 1 is durable, its commit never ran
        assertThat(committed("eo-restore")).isEmpty();

        TwoPhaseCommitSink.Writer<String> restored = sink.createWriter(0, List.of(checkpoint1));
        assertThat(committed("eo-restore")).containsExactly("r1", "r2");
        restored.write("r3", 4L);
        byte[] checkpoint2 = restored.preCommit(2);
        restored.commit(2);
        restored.close();
        assertThat(committed("eo-restore")).containsExactly("r1", "r2", "r3");

        // restoring checkpoint 1 or 2 again (another crash) commits nothing twice
        sink.createWriter(0, List.of(checkpoint1)).close();
        sink.createWriter(0, List.of(checkpoint2)).close();
        assertThat(committed("eo-restore")).containsExactly("r1", "r2", "r3");
    }

    @Test
    void aTransactionLeftOpenByACrashedRunIsAbortedOnRestore() throws Exception {
        broker.createTopic("eo-lingering", 1);
        KafkaSink<String> sink = sink("eo-lingering", DeliveryGuarantee.EXACTLY_ONCE, "eo-lingering");
        TwoPhaseCommitSink.Writer<String> first = sink.createWriter(0, List.of());
        first.write("r1", 1L);
        byte[] checkpoint1 = first.preCommit(1);
        first.commit(1);
        first.close();

        // a run crashed in the middle of committing: its transaction stays open and holds back read_committed readers
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "eo-lingering-0");
        KafkaProducer<byte[], byte[]> zombie = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        zombie.initTransactions();
        zombie.beginTransaction();
        zombie.send(new ProducerRecord<>("eo-lingering", "half-written".getBytes(StandardCharsets.UTF_8))).get();

        TwoPhaseCommitSink.Writer<String> restored = sink.createWriter(0, List.of(checkpoint1));
        restored.write("r2", 2L);
        restored.preCommit(2);
        restored.commit(2);
        restored.close();
        zombie.close();
        assertThat(committed("eo-lingering")).containsExactly("r1", "r2");
    }

    @Test
    void aNewRunWithTheSamePrefixIsNotFooledByAnOldRunsCommitMarkers() throws Exception {
        broker.createTopic("eo-reuse", 1);
        KafkaSink<String> sink = sink("eo-reuse", DeliveryGuarantee.EXACTLY_ONCE, "eo-reuse");
        TwoPhaseCommitSink.Writer<String> old = sink.createWriter(0, List.of());
        old.write("old", 1L);
        old.preCommit(5);
        old.commit(5);
        old.close();

        // a fresh job (checkpoint ids start again) crashes after its checkpoint 1 completed, before the commit
        TwoPhaseCommitSink.Writer<String> fresh = sink.createWriter(0, List.of());
        fresh.write("new", 2L);
        byte[] checkpoint1 = fresh.preCommit(1);
        fresh.close();
        sink.createWriter(0, List.of(checkpoint1)).close();
        assertThat(committed("eo-reuse")).containsExactly("old", "new");
    }
}
