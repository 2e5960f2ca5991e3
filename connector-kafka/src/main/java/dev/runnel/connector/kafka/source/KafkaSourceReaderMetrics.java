package dev.runnel.connector.kafka.source;

import dev.runnel.api.metrics.Gauge;
import dev.runnel.api.metrics.MetricGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * A Kafka source's metrics, named as Flink's {@code KafkaSourceReaderMetrics}: per partition
 * {@code KafkaSourceReader.topic.<t>.partition.<p>.currentOffset} (the last record read),
 * {@code committedOffset} (committed to the group on a completed checkpoint; -1 before) and Kafka's
 * {@code records-lag} (records between the next offset and the partition's end as of the last
 * fetch; -1 before the first), and FLIP-33's {@code pendingRecords}, the lag over all partitions.
 * Written by the source's thread, read by the metrics endpoint's: the fields are volatile, the next
 * offset is read racily (monitoring only).
 */
final class KafkaSourceReaderMetrics {
    /** One partition's figures. */
    static final class Partition {
        private final LongSupplier next;
        volatile long end = -1;
        volatile long committed = -1;

        Partition(LongSupplier next) {
            this.next = next;
        }

        long lag() {
            long e = end;
            return e < 0 ? -1 : Math.max(0, e - next.getAsLong());
        }
    }

    private final MetricGroup group;
    private final List<Partition> partitions = new CopyOnWriteArrayList<>();

    KafkaSourceReaderMetrics(MetricGroup sourceGroup) {
        this.group = sourceGroup.addGroup("KafkaSourceReader");
        sourceGroup.gauge("pendingRecords", (Gauge<Long>) this::pendingRecords);
    }

    /** Publishes the gauges of a newly assigned partition; {@code next} is its next offset to read. */
    Partition register(TopicPartition tp, LongSupplier next) {
        Partition p = new Partition(next);
        MetricGroup g = group.addGroup("topic", tp.topic()).addGroup("partition", Integer.toString(tp.partition()));
        g.gauge("currentOffset", (Gauge<Long>) () -> next.getAsLong() - 1);
        g.gauge("committedOffset", (Gauge<Long>) () -> p.committed);
        g.gauge("records-lag", (Gauge<Long>) p::lag);
        partitions.add(p);
        return p;
    }

    long pendingRecords() {
        long sum = 0;
        for (Partition p : partitions) {
            sum += Math.max(0, p.lag());
        }
        return sum;
    }
}
