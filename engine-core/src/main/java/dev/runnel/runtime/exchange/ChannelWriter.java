package dev.runnel.runtime.exchange;

import dev.runnel.runtime.TaskTimes;
import java.util.function.BooleanSupplier;

/** Appends entries to the current batch of one channel and sends it when full or flushed. */
public final class ChannelWriter implements ChannelTarget {
    private final Channel channel;
    private final BooleanSupplier cancelled;
    /** The writing task's clock for time spent waiting on a full channel. */
    private final TaskTimes times;
    private Batch current;

    public ChannelWriter(Channel channel, BooleanSupplier cancelled, TaskTimes times) {
        this.channel = channel;
        this.cancelled = cancelled;
        this.times = times;
    }

    @Override
    public void append(byte kind, Object value, long l) {
        Batch b = current;
        if (b == null) {
            b = current = channel.acquire(cancelled, times);
        }
        b.add(kind, value, l);
        if (b.isFull()) {
            flush();
        }
    }

    @Override
    public void flush() {
        Batch b = current;
        if (b != null && b.size > 0) {
            current = null;
            channel.send(b, cancelled, times);
        }
    }
}
