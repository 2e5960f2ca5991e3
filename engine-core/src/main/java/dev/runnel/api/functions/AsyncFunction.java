package dev.runnel.api.functions;

import java.util.concurrent.TimeoutException;

/**
 * Flink's asynchronous request per record, used with {@code AsyncDataStream.orderedWait} /
 * {@code unorderedWait}: {@link #asyncInvoke} starts a request (on a client's own threads) and
 * returns at once; the request completes the {@link ResultFuture} later, from any thread.
 */
public interface AsyncFunction<IN, OUT> extends java.io.Serializable {
    /** Starts the request for {@code input}; complete {@code resultFuture} once, from any thread. */
    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /**
     * Called on the job's thread when the request for {@code input} has not completed within the
     * timeout. By default it fails the job, as Flink's does; complete {@code resultFuture} here to
     * emit a fallback instead.
     */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
    }
}
