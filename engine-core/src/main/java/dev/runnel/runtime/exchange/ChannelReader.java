package dev.runnel.runtime.exchange;

import dev.runnel.runtime.InputMerger;
import dev.runnel.runtime.Output;

/**
 * The consumer end of an exchange: drains the channels from every upstream subtask into one input,
 * merging their watermarks (minimum over non-idle channels).
 */
public final class ChannelReader<T> {
    private static final int MAX_BATCHES_PER_POLL = 4;

    private final Channel[] channels;
    private final InputMerger<T> merger;
    private final boolean[] ended;
    private int endedCount;

    public ChannelReader(Channel[] channels, Output<T> downstream) {
        this.channels = channels;
        this.merger = new InputMerger<>(channels.length, downstream);
        this.ended = new boolean[channels.length];
    }

    public boolean ended() {
        return endedCount == channels.length;
    }

    /** Processes what is queued now; returns true if anything was. */
    @SuppressWarnings("unchecked")
    public boolean poll() {
        boolean progress = false;
        for (int c = 0; c < channels.length; c++) {
            if (ended[c]) {
                continue;
            }
            Output<T> in = merger.input(c);
            for (int n = 0; n < MAX_BATCHES_PER_POLL; n++) {
                Batch b = channels[c].poll();
                if (b == null) {
                    break;
                }
                progress = true;
                byte[] kinds = b.kinds;
                Object[] values = b.values;
                long[] longs = b.longs;
                int size = b.size;
                for (int i = 0; i < size; i++) {
                    switch (kinds[i]) {
                        case Batch.RECORD -> in.collect((T) values[i], longs[i]);
                        case Batch.WATERMARK -> in.watermark(longs[i]);
                        case Batch.IDLE -> in.idle(true);
                        case Batch.ACTIVE -> in.idle(false);
                        case Batch.TICK -> in.tick(longs[i]);
                        case Batch.LATENCY -> in.latencyMarker(longs[i]);
                        case Batch.END -> {
                            ended[c] = true;
                            endedCount++;
                            in.end();
                        }
                        default -> throw new IllegalStateException("unknown entry kind " + kinds[i]);
                    }
                }
                channels[c].recycle(b);
                if (ended[c]) {
                    break;
                }
            }
        }
        return progress;
    }
}
