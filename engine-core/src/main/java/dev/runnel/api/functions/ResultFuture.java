package dev.runnel.api.functions;

import java.util.Collection;

/**
 * Where an {@link AsyncFunction}'s request puts its outcome; callable from any thread. Only the
 * first call counts, as in Flink: a request that times out and completes later is emitted once.
 */
public interface ResultFuture<OUT> {
    /** The request's results (none, one or many), emitted with the timestamp of its input record. */
    void complete(Collection<OUT> result);

    /** The request failed: the job fails with {@code error}. */
    void completeExceptionally(Throwable error);
}
