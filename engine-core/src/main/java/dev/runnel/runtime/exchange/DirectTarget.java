package dev.runnel.runtime.exchange;

import dev.runnel.runtime.Output;

/**
 * A partition that runs in the producer's own thread (subtask 0 of a stage co-located with its
 * single-threaded source stage): entries are handed over by direct call instead of through a queue,
 * so at parallelism N the job needs N threads, not N + 1.
 */
public final class DirectTarget implements ChannelTarget {
    private final Output<Object> consumer;

    @SuppressWarnings("unchecked")
    public DirectTarget(Output<?> consumer) {
        this.consumer = (Output<Object>) consumer;
    }

    @Override
    public void append(byte kind, Object value, long l) {
        switch (kind) {
            case Batch.RECORD -> consumer.collect(value, l);
            case Batch.WATERMARK -> consumer.watermark(l);
            case Batch.IDLE -> consumer.idle(true);
            case Batch.ACTIVE -> consumer.idle(false);
            case Batch.TICK -> consumer.tick(l);
            case Batch.LATENCY -> consumer.latencyMarker(l);
            case Batch.END -> consumer.end();
            case Batch.BARRIER -> { } // the consumer runs in the producer's task and is snapshotted with it
            default -> throw new IllegalStateException("unknown entry kind " + kind);
        }
    }

    @Override
    public void flush() {}
}
