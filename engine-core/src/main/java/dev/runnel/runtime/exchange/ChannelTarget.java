package dev.runnel.runtime.exchange;

/** One destination of a partitioned output: a channel to another thread, or a consumer in this thread. */
public interface ChannelTarget {
    void append(byte kind, Object value, long l);

    void flush();
}
