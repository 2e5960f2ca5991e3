package dev.runnel.connector.kafka;

import dev.runnel.kafka.broker.LocalBroker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobClient;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.connector.kafka.source.KafkaSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flink's per-partition watermarks on a 4-partition topic with Kafka record timestamps as event
 * time: the source's watermark is the minimum over partitions, so an empty partition holds 1 s
 * event-time windows back unless the strategy has {@code withIdleness}, and a partition that
 * catches up later does not find its on-time records late.
 */
class PerPartitionWatermarkTest {
    private static final OutputTag<String> LATE = OutputTag.of("late", String.class);
    private static final long WAIT_MILLIS = 30_000;
    private static LocalBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = LocalBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** Partitions 0-2 get 500 records each, 10 ms apart from t = 10 s; every 1 s window holds 100 per partition. */
    private static void produceToFirstThree(String topic) throws Exception {
        broker.createTopic(topic, 4);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 500; i++) {
                records.add(record(topic, p, 10_000L + i * 10));
            }
        }
        broker.produce(records);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, int partition, long timestamp) {
        return new ProducerRecord<>(topic, partition, timestamp, null, TransactionJson.bytes("p" + partition + "@" + timestamp));
    }

    private record Job(JobClient client, CollectSink<String> windows, CollectSink<String> late, AtomicLong read) {
        Map<Long, Long> counts() {
            Map<Long, Long> counts = new TreeMap<>();
            for (String w : windows.values()) {
                String[] parts = w.split("=");
                counts.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            }
            return counts;
        }
    }

    private static Job start(String topic, WatermarkStrategy<String> strategy) {
        StreamEnvironment env = StreamEnvironment.create();
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(broker.bootstrapServers())
            .setTopics(topic).setValueOnlyDeserializer(new SimpleStringSchema()).build();
        AtomicLong read = new AtomicLong();
        DataStream<String> counted = env.fromSource(source, strategy, "kafka")
            .map(v -> {
                read.incrementAndGet();
                return v;
            })
            .keyBy(v -> "all")
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .sideOutputLateData(LATE)
            .process(new ProcessWindowFunction<String, String, String, TimeWindow>() {
                @Override
                public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
                    long n = 0;
                    for (String ignored : elements) {
                        n++;
                    }
                    out.collect(context.window().getStart() + "=" + n);
                }
            });
        CollectSink<String> windows = new CollectSink<>();
        CollectSink<String> late = new CollectSink<>();
        counted.addSink(windows);
        counted.getSideOutput(LATE).addSink(late);
        return new Job(env.executeAsync(topic), windows, late, read);
    }

    /** {@code strategy}, counting the calls of {@code onPeriodicEmit} on all its generators (one per partition). */
    private static WatermarkStrategy<String> countingPeriodicEmits(WatermarkStrategy<String> strategy, AtomicLong calls) {
        return WatermarkStrategy.<String>forGenerator(context -> {
            WatermarkGenerator<String> inner = strategy.createWatermarkGenerator(context);
            return new WatermarkGenerator<String>() {
                @Override
                public void onEvent(String event, long eventTimestamp, WatermarkOutput output) {
                    inner.onEvent(event, eventTimestamp, output);
                }

                @Override
                public void onPeriodicEmit(WatermarkOutput output) {
                    inner.onPeriodicEmit(output);
                    calls.incrementAndGet();
                }
            };
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Conditions.await(what, Duration.ofMillis(WAIT_MILLIS), condition);
    }

    @Test
    void withIdlenessAnEmptyPartitionDoesNotHoldBackTheWindows() throws Exception {
        produceToFirstThree("wm-idle");
        Job job = start("wm-idle", WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO).withIdleness(Duration.ofMillis(300)));
        try {
            await("windows up to [13 s, 14 s) to fire", () -> job.counts().containsKey(13_000L));
            assertThat(job.counts()).containsEntry(10_000L, 300L).containsEntry(11_000L, 300L).containsEntry(12_000L, 300L)
                .containsEntry(13_000L, 300L);
            assertThat(job.late().values()).isEmpty();
        } finally {
            job.client().cancel();
            job.client().await();
        }
    }

    @Test
    void withoutIdlenessAnEmptyPartitionHoldsTheWindowsAndCatchingUpLaterIsNotLate() throws Exception {
        produceToFirstThree("wm-waits");
        AtomicLong periodicEmits = new AtomicLong();
        Job job = start("wm-waits", countingPeriodicEmits(WatermarkStrategy.forBoundedOutOfOrderness(Duration.ZERO), periodicEmits));
        try {
            await("all 1500 records to be read", () -> job.read().get() == 1_500);
            // ten periodic emissions of each of the four partitions' generators after everything was read: still nothing
            // fired, partition 3 holds the watermark (counted, not slept: the check waits for the emissions themselves)
            long emittedBefore = periodicEmits.get();
            await("ten more periodic watermark emissions per partition", () -> periodicEmits.get() >= emittedBefore + 4 * 10);
            assertThat(job.windows().values()).as("windows fired while partition 3 had no data").isEmpty();

            // partition 3 now catches up from t = 1 s: behind the other partitions, but not late
            List<ProducerRecord<byte[], byte[]>> catchUp = new ArrayList<>();
            for (int i = 0; i < 1_400; i++) {
                catchUp.add(record("wm-waits", 3, 1_000L + i * 10));
            }
            broker.produce(catchUp);
            await("windows up to [13 s, 14 s) to fire", () -> job.counts().containsKey(13_000L));
            Map<Long, Long> counts = job.counts();
            for (long start = 1_000; start < 10_000; start += 1_000) {
                assertThat(counts).as("partition 3's window at %d", start).containsEntry(start, 100L);
            }
            for (long start = 10_000; start < 14_000; start += 1_000) {
                assertThat(counts).as("all partitions' window at %d", start).containsEntry(start, 400L);
            }
            assertThat(job.late().values()).as("late records").isEmpty();
        } finally {
            job.client().cancel();
            job.client().await();
        }
    }
}
