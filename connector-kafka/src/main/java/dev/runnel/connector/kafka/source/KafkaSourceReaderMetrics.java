package dev.runnel.connector.kafka.source;

import dev.runnel.api.metrics.Gauge;
import dev.runnel.api.metrics.MetricGroup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka source's metrics, named as Flink's {@code KafkaSourceReaderMetrics}: per partition
 * {@code KafkaSourceReader.topic.<t>.partition.<p>.currentOffset} (the last record emitted),
 * {@code committedOffset} (committed to the group on a completed checkpoint; -1 before) and Kafka's
 * {@code records-lag} (records between the next offset to emit and the partition's end as of the
 * last fetch; -1 before the first), and FLIP-33's {@code pendingRecords}, the lag over all
 * partitions. The next offset is the task thread's, the end and the committed offset are written by
 * the fetcher thread, and the metrics endpoint's thread reads them all: the fields are volatile, the
 * next offset is read racily (monitoring only).
 */
final class KafkaSourceReaderMetrics {
    /** One partition's figures. */
    static final class Partition {
        private volatile LongSupplier next;
        volatile long end = -1;
        volatile long committed = -1;

        long lag() {
            long e = end;
            LongSupplier n = next;
            return e < 0 || n == null ? -1 : Math.max(0, e - n.getAsLong());
        }
    }

    private final MetricGroup group;
    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();

    KafkaSourceReaderMetrics(MetricGroup sourceGroup) {
        this.group = sourceGroup.addGroup("KafkaSourceReader");
        sourceGroup.gauge("pendingRecords", (Gauge<Long>) this::pendingRecords);
    }

    /** The figures of {@code tp}, created on first use by either thread. */
    Partition partition(TopicPartition tp) {
        return partitions.computeIfAbsent(tp, p -> new Partition());
    }

    /** Publishes the gauges of a newly assigned partition (task thread); {@code next} is its next offset to emit. */
    void register(TopicPartition tp, LongSupplier next) {
        Partition p = partition(tp);
        p.next = next;
        MetricGroup g = group.addGroup("topic", tp.topic()).addGroup("partition", Integer.toString(tp.partition()));
        g.gauge("currentOffset", (Gauge<Long>) () -> next.getAsLong() - 1);
        g.gauge("committedOffset", (Gauge<Long>) () -> p.committed);
        g.gauge("records-lag", (Gauge<Long>) p::lag);
    }

    long pendingRecords() {
        long sum = 0;
        for (Partition p : partitions.values()) {
            sum += Math.max(0, p.lag());
        }
        return sum;
    }
}
