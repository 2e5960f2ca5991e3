package dev.runnel.runtime.exchange;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.runtime.OperatorException;
import dev.runnel.runtime.Output;

/**
 * The producer end of an exchange: routes each record to one channel (by key group, round robin,
 * or the only one) and broadcasts control events to all channels, so every consumer sees every
 * watermark in order with the records before it.
 */
public final class PartitionOutput<T> implements Output<T> {
    private final ChannelTarget[] writers;
    private final KeySelector<T, ?> keySelector;
    private final String consumerName;
    private final boolean broadcastRecords;
    private int roundRobin;

    /** With a key selector records go by key group, otherwise round robin. */
    public PartitionOutput(ChannelTarget[] writers, KeySelector<T, ?> keySelector, String consumerName) {
        this(writers, keySelector, consumerName, false);
    }

    private PartitionOutput(ChannelTarget[] writers, KeySelector<T, ?> keySelector, String consumerName, boolean broadcastRecords) {
        this.writers = writers;
        this.keySelector = keySelector;
        this.consumerName = consumerName;
        this.broadcastRecords = broadcastRecords;
    }

    /**
     * Every record to every consumer (a broadcast input). The record object itself is shared by the
     * consumers, as Runnel never copies records: broadcast elements must not be changed downstream.
     */
    public static <T> PartitionOutput<T> broadcast(ChannelTarget[] writers) {
        return new PartitionOutput<>(writers, null, null, true);
    }

    @Override
    public void collect(T value, long timestamp) {
        if (broadcastRecords) {
            for (ChannelTarget w : writers) {
                w.append(Batch.RECORD, value, timestamp);
            }
            return;
        }
        int target;
        if (writers.length == 1) {
            target = 0;
        } else if (keySelector != null) {
            Object key;
            try {
                key = keySelector.getKey(value);
            } catch (Exception e) {
                throw OperatorException.userCode(consumerName + " (key selector)", null, timestamp, value, e);
            }
            if (key == null) {
                throw new OperatorException("Key selector of operator '" + consumerName + "' returned null for record "
                    + OperatorException.abbreviate(value) + " (timestamp " + timestamp + "); keys must not be null", null);
            }
            target = KeyGroups.subtaskFor(key, writers.length);
        } else {
            target = roundRobin;
            roundRobin = target + 1 == writers.length ? 0 : target + 1;
        }
        writers[target].append(Batch.RECORD, value, timestamp);
    }

    private void broadcast(byte kind, long l) {
        for (ChannelTarget w : writers) {
            w.append(kind, null, l);
        }
    }

    @Override
    public void watermark(long watermark) {
        broadcast(Batch.WATERMARK, watermark);
    }

    @Override
    public void idle(boolean idle) {
        broadcast(idle ? Batch.IDLE : Batch.ACTIVE, 0);
    }

    @Override
    public void tick(long now) {
        broadcast(Batch.TICK, now);
    }

    @Override
    public void latencyMarker(long originNanos) {
        broadcast(Batch.LATENCY, originNanos);
    }

    @Override
    public void end() {
        broadcast(Batch.END, 0);
        flush();
    }

    /** Sends checkpoint barrier {@code checkpointId} to every consumer, after everything sent before it. */
    public void barrier(long checkpointId) {
        broadcast(Batch.BARRIER, checkpointId);
        flush();
    }

    public void flush() {
        for (ChannelTarget w : writers) {
            w.flush();
        }
    }
}
