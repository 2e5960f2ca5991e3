package dev.runnel.flink;

import java.io.Serializable;

/**
 * A value a source sends to a side output (a dead letter, a future event, a scripted side value).
 * Flink's sources have no side outputs, so it travels in the main stream to the
 * {@link SourceSideOutputs} operator chained right behind the source, which routes it.
 *
 * @param timestamp the timestamp the side value has on Runnel, where Flink's source stamps it
 *                  itself (Runnel's Kafka source on Flink's, see {@link FlinkWatermarkStrategy});
 *                  {@code null} where the source adapter stamps it
 */
record SideRecord(String tagId, Object value, Long timestamp) implements Serializable {
    SideRecord(String tagId, Object value) {
        this(tagId, value, null);
    }
}
