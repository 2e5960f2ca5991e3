package dev.runnel.api.source;

/**
 * A source whose input is made of splits (Kafka partitions) that parallel readers can share, as
 * Flink's {@code Source} with its split enumerator. It runs at the job's parallelism unless its
 * stream says otherwise ({@code env.fromSource(...).setParallelism(n)}); other sources run on one
 * thread. Each parallel subtask reads through its own reader, made by {@link #createReader}.
 *
 * <p>The assignment of splits to readers must be a pure function of the split and the parallelism,
 * so that readers agree without talking to each other, and so that a restore at another
 * parallelism can redistribute: each new reader is handed the checkpointed positions of every old
 * reader ({@link #restorePosition(java.io.DataInput)} once per old reader) and keeps the splits it
 * now owns.
 */
public interface ParallelSource<T> extends Source<T> {
    /** A fresh reader for subtask {@code subtask} (0-based) of {@code parallelism}; at parallelism 1 the source itself may be used. */
    Source<T> createReader(int subtask, int parallelism);
}
