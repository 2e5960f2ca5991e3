package dev.runnel.connector.kafka.source;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobClient;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import dev.runnel.connector.kafka.SimpleStringSchema;
import dev.runnel.kafka.broker.LocalBroker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fetcher thread of the Kafka source, against a real broker. It runs ahead of the task thread:
 * a checkpoint taken while fetched records wait in the hand-over queue holds the offsets of the
 * records emitted, not of those fetched, so a restore from it reads every remaining record once (no
 * loss, no duplicate); that test drives the source directly, polling it as a task does. And the
 * thread is gone once the job has ended, failed or been cancelled.
 */
class KafkaSplitFetcherTest {
    private static final String TOPIC = "run-ahead";
    private static final int PER_PARTITION = 500;
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
        broker.createTopic(TOPIC, 2);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < PER_PARTITION; i++) {
                records.add(new ProducerRecord<>(TOPIC, p, null, (p + "-" + i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        broker.produce(records);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aCheckpointWithFetchedRecordsStillQueuedHoldsTheEmittedOffsetsAndARestoreReadsTheRestOnce() throws Exception {
        Collecting out = new Collecting();
        KafkaSource<String> first = source();
        first.open(context("ahead"));
        // polled as a task polls, backing off between empty rounds
        pollUntil("30 records", () -> first.poll(out, 30 - out.values.size()), status -> out.values.size() >= 30);
        KafkaSourceReader<?> reader = first.reader();
        await(() -> reader.queuedFetches() >= 2, "the fetcher to run ahead");
        ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
        first.snapshotPosition(new DataOutputStream(checkpoint));
        first.close();
        assertThat(fetcherThreads("ahead")).as("fetcher thread after close").isEmpty();

        Map<String, Long> emittedNext = new HashMap<>(Map.of(TOPIC + "-0", 0L, TOPIC + "-1", 0L));
        for (String v : out.values) {
            String[] pi = v.split("-");
            emittedNext.merge(TOPIC + "-" + pi[0], Long.parseLong(pi[1]) + 1, Math::max);
        }
        assertThat(offsets(checkpoint.toByteArray())).as("the checkpoint's next offsets are those after the records emitted")
            .isEqualTo(emittedNext);

        KafkaSource<String> restored = source();
        restored.open(context("restored"));
        restored.restorePosition(new DataInputStream(new ByteArrayInputStream(checkpoint.toByteArray())));
        Collecting rest = new Collecting();
        pollUntil("the end of the bounded input", () -> restored.poll(rest, 100), status -> status == SourceStatus.END_OF_INPUT);
        restored.close();

        List<String> all = new ArrayList<>(out.values);
        all.addAll(rest.values);
        List<String> expected = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < PER_PARTITION; i++) {
                expected.add(p + "-" + i);
            }
        }
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theValuesOfOneKafkaRecordGoOutInOnePollSoACheckpointNeverSplitsThem() throws Exception {
        KafkaSource<String> triples = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers()).setTopics(TOPIC)
            .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
            .setDeserializer((record, values) -> {
                String v = new String(record.value(), StandardCharsets.UTF_8);
                values.collect(v + "/a");
                values.collect(v + "/b");
                values.collect(v + "/c");
            }).build();
        Collecting out = new Collecting();
        triples.open(context("triples"));
        try {
            pollUntil("a first record", () -> triples.poll(out, 2), status -> !out.values.isEmpty());
            String first = out.values.get(0).substring(0, out.values.get(0).indexOf('/'));
            assertThat(out.values).as("a poll of at most 2 values").containsExactly(first + "/a", first + "/b", first + "/c");
            ByteArrayOutputStream checkpoint = new ByteArrayOutputStream();
            triples.snapshotPosition(new DataOutputStream(checkpoint));
            String partition = first.substring(0, first.indexOf('-'));
            assertThat(offsets(checkpoint.toByteArray())).isEqualTo(Map.of(
                TOPIC + "-" + partition, 1L, TOPIC + "-" + (1 - Integer.parseInt(partition)), 0L));
        } finally {
            triples.close();
        }
    }

    @Test
    void theFetcherThreadIsGoneWhenABoundedJobEnds() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(source(), WatermarkStrategy.noWatermarks(), "ends").addSink(sink);
        env.execute("ends");
        assertThat(sink.values()).hasSize(2 * PER_PARTITION);
        assertThat(fetcherThreads("ends")).isEmpty();
    }

    @Test
    void theFetcherThreadsAreGoneWhenTheJobFailsDownstream() {
        // parallelism 2: two readers, and the failing operator runs behind a keyBy, in other tasks than the readers
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        env.fromSource(source(), WatermarkStrategy.noWatermarks(), "fails").keyBy(v -> v).map(v -> {
            if (v.equals("1-7")) {
                throw new IllegalArgumentException("bad record " + v);
            }
            return v;
        }).addSink(v -> { });
        assertThatThrownBy(() -> env.execute("fails")).hasStackTraceContaining("bad record 1-7");
        assertThat(fetcherThreads("fails")).isEmpty();
    }

    @Test
    void theFetcherThreadIsGoneWhenAnUnboundedJobIsCancelled() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<String> unbounded = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers()).setTopics(TOPIC)
            .setStartingOffsets(OffsetsInitializer.earliest()).setValueOnlyDeserializer(new SimpleStringSchema()).build();
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(unbounded, WatermarkStrategy.noWatermarks(), "cancelled").addSink(sink);
        JobClient job = env.executeAsync("cancelled");
        try {
            await(() -> sink.values().size() == 2 * PER_PARTITION, "every record");
            assertThat(fetcherThreads("cancelled")).as("while the job waits for more").hasSize(1);
        } finally {
            job.cancel();
            job.await();
        }
        assertThat(fetcherThreads("cancelled")).isEmpty();
    }

    private static KafkaSource<String> source() {
        // small polls, so that the queue holds several of them while the test emits 30 records
        return KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers()).setTopics(TOPIC)
            .setStartingOffsets(OffsetsInitializer.earliest()).setValueOnlyDeserializer(new SimpleStringSchema())
            .setProperty("max.poll.records", "20").setBounded(OffsetsInitializer.latest()).build();
    }

    /** Next offset by partition, as the reader's checkpoint format (version, count, then topic, partition, next, stop) holds them. */
    private static Map<String, Long> offsets(byte[] checkpoint) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint));
        assertThat(in.readInt()).isEqualTo(1);
        int n = in.readInt();
        Map<String, Long> result = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String partition = in.readUTF() + "-" + in.readInt();
            result.put(partition, in.readLong());
            in.readLong();
        }
        return result;
    }

    static List<Thread> fetcherThreads(String sourceName) {
        String name = KafkaSourceFetcherManager.threadName(sourceName);
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive()).toList();
    }

    private static SourceContext context(String name) {
        return new SourceContext() {
            @Override
            public String sourceName() {
                return name;
            }

            @Override
            public Clock clock() {
                return System::currentTimeMillis;
            }
        };
    }

    /** One poll of a source, as a task makes it. */
    private interface Poll {
        SourceStatus poll() throws Exception;
    }

    /** Polls as a task does until {@code done} holds after a poll; the waiting helper's pause stands for the task's back-off. */
    private static void pollUntil(String what, Poll poll, java.util.function.Predicate<SourceStatus> done) throws InterruptedException {
        await(() -> {
            try {
                return done.test(poll.poll());
            } catch (Exception e) {
                throw new AssertionError("polling for " + what, e);
            }
        }, what);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        dev.runnel.connector.kafka.Conditions.await(what, Duration.ofSeconds(30), condition);
    }

    /** A task's view of the source, reduced to what this test checks: the values, in emission order. */
    private static final class Collecting implements SourceOutput<String> {
        final List<String> values = new ArrayList<>();

        @Override
        public void collect(String record) {
            values.add(record);
        }

        @Override
        public void collect(String record, long timestamp) {
            values.add(record);
        }

        @Override
        public void emitWatermark(long watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            throw new AssertionError("unexpected dead letter " + deadLetter);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {}

        @Override
        public void advanceProcessingTimeTo(long millis) {}

        @Override
        public SourceOutput<String> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }
}
