package dev.runnel.api.source;

import dev.runnel.api.functions.SourceFunction;
import dev.runnel.api.time.Watermark;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a push-based {@link SourceFunction} as a pull-based {@link Source}: the function runs on its
 * own thread and hands records (and watermarks) over a bounded queue, which {@link #poll} drains.
 * The job ends this source when the function returns and the queue is empty; closing it cancels the
 * function and interrupts its thread.
 */
public final class SourceFunctionSource<T> implements Source<T> {
    private static final int QUEUE = 1024;
    private static final Object END = new Object();

    private final SourceFunction<T> function;
    private BlockingQueue<Object> queue;
    private Thread thread;
    private volatile Throwable failure;
    private volatile boolean closing;

    public SourceFunctionSource(SourceFunction<T> function) {
        this.function = function;
    }

    @Override
    public boolean isBounded() {
        return false; // as Flink, which treats every legacy source as continuous
    }

    @Override
    public void open(SourceContext context) {
        queue = new ArrayBlockingQueue<>(QUEUE);
        thread = new Thread(this::runFunction, "Legacy Source Thread - " + context.sourceName());
        thread.setDaemon(true);
        thread.start();
    }

    private void runFunction() {
        Object lock = new Object();
        try {
            function.run(new SourceFunction.SourceContext<>() {
                @Override
                public void collect(T element) {
                    put(new Timestamped(element, Long.MIN_VALUE));
                }

                @Override
                public void collectWithTimestamp(T element, long timestamp) {
                    put(new Timestamped(element, timestamp));
                }

                @Override
                public void emitWatermark(Watermark mark) {
                    put(mark);
                }

                @Override
                public Object getCheckpointLock() {
                    return lock;
                }
            });
        } catch (Throwable t) {
            if (!closing) { // what a cancelled function throws on its way out is no failure
                failure = t;
            }
        } finally {
            queue.offer(END); // the queue may be full only when the job stopped reading: then nobody waits for END
        }
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceCancelledException();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
        for (int i = 0; i < maxRecords; i++) {
            Object item = queue.poll();
            if (item == null) {
                return SourceStatus.NOTHING_AVAILABLE;
            }
            if (item == END) {
                if (failure != null) {
                    throw new Exception("Source function " + function.getClass().getName() + " failed: " + failure, failure);
                }
                return SourceStatus.END_OF_INPUT;
            }
            if (item instanceof Watermark w) {
                output.emitWatermark(w.getTimestamp());
            } else {
                Timestamped record = (Timestamped) item;
                if (record.timestamp == Long.MIN_VALUE) {
                    output.collect((T) record.value);
                } else {
                    output.collect((T) record.value, record.timestamp);
                }
            }
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null && thread.isAlive()) {
            closing = true;
            function.cancel();
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private record Timestamped(Object value, long timestamp) {}

    /** Unwinds the function's thread when the job is cancelled while it waits for room in the queue. */
    private static final class SourceCancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceCancelledException() {
            super("source cancelled", null, false, false);
        }
    }
}
