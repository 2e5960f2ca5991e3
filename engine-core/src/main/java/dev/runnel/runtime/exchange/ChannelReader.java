package dev.runnel.runtime.exchange;

import dev.runnel.runtime.InputMerger;
import dev.runnel.runtime.Output;

/**
 * The consumer end of an exchange: drains the channels from every upstream subtask into one input,
 * merging their watermarks (minimum over non-idle channels).
 *
 * <p>Checkpoint barriers are aligned here: a channel that delivered a barrier is not read further
 * (the rest of its batch waits) until the task has seen the barrier on all its channels, taken its
 * snapshot and called {@link #releaseBarrier}. Records behind a barrier therefore never reach
 * state that is about to be snapshotted for that barrier.
 */
public final class ChannelReader<T> {
    private static final int MAX_BATCHES_PER_POLL = 4;

    private final Channel[] channels;
    private final InputMerger<T> merger;
    private final boolean[] ended;
    private int endedCount;
    /** Per channel: the batch a barrier interrupted, read on from {@link #resumeAt} after release. */
    private final Batch[] held;
    private final int[] resumeAt;
    private int blockedCount;
    private long barrierId = -1;

    public ChannelReader(Channel[] channels, Output<T> downstream) {
        this.channels = channels;
        this.merger = new InputMerger<>(channels.length, downstream);
        this.ended = new boolean[channels.length];
        this.held = new Batch[channels.length];
        this.resumeAt = new int[channels.length];
    }

    public boolean ended() {
        return endedCount == channels.length;
    }

    /** Whether some channel delivered a barrier and waits for the others. */
    public boolean holdsBarrier() {
        return blockedCount > 0;
    }

    /** The barrier waiting here; meaningful when {@link #holdsBarrier()}. */
    public long barrierId() {
        return barrierId;
    }

    /** Whether every channel has either delivered the barrier or ended. */
    public boolean aligned() {
        return blockedCount + endedCount == channels.length;
    }

    /** After the task's snapshot: channels that delivered the barrier are read again. */
    public void releaseBarrier() {
        blockedCount = 0;
        barrierId = -1;
        for (int c = 0; c < channels.length; c++) {
            if (held[c] != null) {
                Batch b = held[c];
                held[c] = null;
                if (drain(c, b, resumeAt[c])) {
                    channels[c].recycle(b);
                }
            }
        }
    }

    /** Processes what is queued now; returns true if anything was. */
    public boolean poll() {
        boolean progress = false;
        for (int c = 0; c < channels.length; c++) {
            if (ended[c] || held[c] != null) {
                continue;
            }
            for (int n = 0; n < MAX_BATCHES_PER_POLL; n++) {
                Batch b = channels[c].poll();
                if (b == null) {
                    break;
                }
                progress = true;
                if (!drain(c, b, 0)) {
                    break; // stopped at a barrier
                }
                channels[c].recycle(b);
                if (ended[c]) {
                    break;
                }
            }
        }
        return progress;
    }

    /** Feeds entries from {@code start}; false if a barrier stopped it (the batch is then held). */
    @SuppressWarnings("unchecked")
    private boolean drain(int c, Batch b, int start) {
        Output<T> in = merger.input(c);
        byte[] kinds = b.kinds;
        Object[] values = b.values;
        long[] longs = b.longs;
        int size = b.size;
        for (int i = start; i < size; i++) {
            switch (kinds[i]) {
                case Batch.RECORD -> in.collect((T) values[i], longs[i]);
                case Batch.WATERMARK -> in.watermark(longs[i]);
                case Batch.IDLE -> in.idle(true);
                case Batch.ACTIVE -> in.idle(false);
                case Batch.TICK -> in.tick(longs[i]);
                case Batch.LATENCY -> in.latencyMarker(longs[i]);
                case Batch.BARRIER -> {
                    held[c] = b;
                    resumeAt[c] = i + 1;
                    blockedCount++;
                    barrierId = longs[i];
                    return false;
                }
                case Batch.END -> {
                    ended[c] = true;
                    endedCount++;
                    in.end();
                }
                default -> throw new IllegalStateException("unknown entry kind " + kinds[i]);
            }
        }
        return true;
    }
}
