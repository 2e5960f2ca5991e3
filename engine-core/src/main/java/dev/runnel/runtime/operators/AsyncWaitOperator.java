package dev.runnel.runtime.operators;

import dev.runnel.api.functions.AsyncFunction;
import dev.runnel.api.functions.ResultFuture;
import dev.runnel.runtime.Operator;
import dev.runnel.state.KeyedRuntimeContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code AsyncDataStream}'s requests, after Flink's {@code AsyncWaitOperator}: records and
 * watermarks wait in one queue in arrival order (at most {@code capacity} entries; a full queue
 * holds the input back); the ordered mode emits from the head, the unordered mode the completed
 * requests ahead of the first queued watermark in the order they completed, and a watermark leaves
 * once everything before it has. Requests complete on other threads; their results are emitted on the task's thread, whenever
 * a record, watermark or processing-time tick reaches the operator (a tick arrives every
 * millisecond while a source runs), and at the end of the input, where the operator waits for all
 * of them. Timeouts are checked on the same occasions against the job's clock. A failed request
 * fails the job as soon as the task sees it, as in Flink. Requests in flight are not checkpointed,
 * so the operator does not support checkpoints. Waiting (full queue, end of input) blocks the task
 * thread, which sees no cancellation meanwhile: a request without a timeout that never completes
 * holds a cancelled job.
 */
public final class AsyncWaitOperator<IN, OUT> extends Operator<IN, OUT> {
    private final AsyncFunction<IN, OUT> function;
    private final boolean ordered;
    private final long timeoutMillis;
    private final int capacity;
    /** Requests and watermarks ({@link Long}), in arrival order. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /** Counts completions, so the task can wait for the next one without missing it. */
    private final AtomicLong completions = new AtomicLong();

    public AsyncWaitOperator(AsyncFunction<IN, OUT> function, boolean ordered, long timeoutMillis, int capacity) {
        this.function = function;
        this.ordered = ordered;
        this.timeoutMillis = timeoutMillis;
        this.capacity = capacity;
    }

    /** One record's request: completed once, from any thread. */
    private static final class Request<I, O> implements ResultFuture<O> {
        final I input;
        final long timestamp;
        final long deadline;
        final AtomicLong completions;
        final AtomicBoolean completed = new AtomicBoolean();
        volatile boolean done;
        /** The order in which requests completed: the unordered mode emits in it, as Flink's does. */
        long completedAs;
        Collection<O> results;
        Throwable failure;
        boolean timeoutCalled;

        Request(I input, long timestamp, long deadline, AtomicLong completions) {
            this.input = input;
            this.timestamp = timestamp;
            this.deadline = deadline;
            this.completions = completions;
        }

        @Override
        public void complete(Collection<O> result) {
            if (completed.compareAndSet(false, true)) {
                results = result == null ? List.of() : result;
                finish();
            }
        }

        @Override
        public void completeExceptionally(Throwable error) {
            if (completed.compareAndSet(false, true)) {
                failure = error == null ? new NullPointerException("completeExceptionally(null)") : error;
                finish();
            }
        }

        private void finish() {
            completedAs = completions.incrementAndGet();
            done = true; // after the fields above: the task reads them once it sees done
            synchronized (completions) {
                completions.notifyAll();
            }
        }
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(function, new KeyedRuntimeContext(context, null));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    @Override
    public void collect(IN value, long timestamp) {
        metrics.recordsIn++;
        long now = context.clock().millis();
        advance(now);
        while (queue.size() >= capacity) {
            awaitCompletion();
        }
        Request<IN, OUT> request = new Request<>(value, timestamp, timeoutMillis > 0 ? now + timeoutMillis : Long.MAX_VALUE, completions);
        queue.add(request);
        try {
            function.asyncInvoke(value, request);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
        emitCompleted();
    }

    @Override
    public void watermark(long watermark) {
        if (queue.isEmpty()) {
            super.watermark(watermark);
        } else {
            queue.add(watermark);
            emitCompleted();
        }
    }

    @Override
    protected void onProcessingTime(long now) {
        advance(now);
    }

    /** At the end of the input every request is waited for, as Flink's operator does before it finishes. */
    @Override
    protected void onEndOfInput() {
        advance(context.clock().millis());
        while (!queue.isEmpty()) {
            awaitCompletion();
        }
    }

    private void advance(long now) {
        fireTimeouts(now);
        emitCompleted();
    }

    /** Waits (a few milliseconds at most, then checks timeouts again) for a request to complete, and emits what can go. */
    private void awaitCompletion() {
        long seen = completions.get();
        advance(context.clock().millis());
        synchronized (completions) {
            if (completions.get() == seen && !queue.isEmpty()) {
                try {
                    completions.wait(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for asynchronous requests in '" + context.name() + "'", e);
                }
            }
        }
        advance(context.clock().millis());
    }

    @SuppressWarnings("unchecked")
    private void fireTimeouts(long now) {
        for (Object entry : queue) {
            if (entry instanceof Request<?, ?> r && !r.done && !r.timeoutCalled && r.deadline <= now) {
                Request<IN, OUT> request = (Request<IN, OUT>) r;
                request.timeoutCalled = true;
                try {
                    function.timeout(request.input, request);
                } catch (Exception e) {
                    throw userFailure(e, null, request.timestamp, request.input);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void emitCompleted() {
        for (Object entry : queue) {
            if (entry instanceof Request<?, ?> r && r.done && r.failure != null) {
                throw userFailure(r.failure, null, r.timestamp, r.input);
            }
        }
        if (ordered) {
            while (!queue.isEmpty() && emitIfReady(queue.peekFirst())) {
                queue.pollFirst();
            }
            return;
        }
        while (!queue.isEmpty()) {
            boolean requestsAhead = false;
            List<Request<IN, OUT>> completed = new ArrayList<>();
            for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
                Object entry = it.next();
                if (entry instanceof Long) {
                    break;
                }
                Request<IN, OUT> request = (Request<IN, OUT>) entry;
                if (request.done) {
                    completed.add(request);
                    it.remove();
                } else {
                    requestsAhead = true;
                }
            }
            completed.sort(Comparator.comparingLong(r -> r.completedAs));
            completed.forEach(this::emitIfReady);
            if (requestsAhead || !(queue.peekFirst() instanceof Long)) {
                return;
            }
            emitIfReady(queue.pollFirst());
        }
    }

    /** Emits a completed request's results or a watermark; false for a request still running. */
    @SuppressWarnings("unchecked")
    private boolean emitIfReady(Object entry) {
        if (entry instanceof Long watermark) {
            super.watermark(watermark);
            return true;
        }
        Request<IN, OUT> request = (Request<IN, OUT>) entry;
        if (!request.done) {
            return false;
        }
        for (OUT result : request.results) {
            output.collect(result, request.timestamp);
        }
        return true;
    }
}
