package dev.runnel.flink;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The whole input of a Runnel source as one Flink split. Runnel reads every source except Kafka
 * through one reader (only a {@link dev.runnel.api.source.ParallelSource} spreads over subtasks, and
 * the one there is, Kafka, is translated onto Flink's Kafka connector), so the Flink source has
 * exactly one split, read by subtask 0 of a parallelism-1 source, as on Runnel.
 *
 * @param position what the source's {@code snapshotPosition} wrote at the reader's last checkpoint,
 *                 or {@code null} to read from the start (a fresh job, or a source that cannot resume)
 */
record WholeSourceSplit(byte[] position) implements SourceSplit {
    static final String ID = "whole-source";

    static WholeSourceSplit fromStart() {
        return new WholeSourceSplit(null);
    }

    @Override
    public String splitId() {
        return ID;
    }
}
