package dev.runnel.flink;

import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Reads a Runnel {@link Source} on Flink's source task thread: each {@code pollNext} is one
 * {@link Source#poll} of a bounded batch, so Flink's mailbox runs checkpoints and timers between
 * polls and a checkpoint sees the position after whole polls (no checkpoint lock and no extra
 * thread, unlike a legacy source function). The source is opened when its {@link WholeSourceSplit}
 * arrives, and moved to the split's position if the split comes from a checkpoint.
 *
 * <p>When the source has nothing available (a rate-limited generator, a socket without data) the
 * reader reports so and becomes available again 1 ms later, the pause Runnel's source loop makes.
 */
final class SourceReaderAdapter implements SourceReader<Object, WholeSourceSplit> {
    static final int POLL_BATCH = 256;
    private static final Executor AFTER_ONE_MILLISECOND = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS);

    private final SourceReaderContext context;
    private final Shipped<Source<Object>> shippedSource;
    private final SourceDriver driver;
    private final ArrayDeque<WholeSourceSplit> pending = new ArrayDeque<>();
    private Source<Object> source;
    private boolean noMoreSplits;
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);

    SourceReaderAdapter(SourceReaderContext context, String name, Shipped<Source<Object>> source,
                        WatermarkStrategy<Object> strategy, long watermarkIntervalMillis) {
        this.context = context;
        this.shippedSource = source;
        this.driver = new SourceDriver(name, strategy, watermarkIntervalMillis, new MetricGroupAdapter(context.metricGroup()));
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Object> output) throws Exception {
        if (source == null && !openNextSplit()) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : waitFor(new CompletableFuture<>());
        }
        driver.emitTo(output);
        SourceStatus status = source.poll(driver, POLL_BATCH);
        driver.timeMoved(System.currentTimeMillis());
        return switch (status) {
            case MORE_AVAILABLE -> InputStatus.MORE_AVAILABLE;
            case NOTHING_AVAILABLE -> waitFor(CompletableFuture.runAsync(() -> {}, AFTER_ONE_MILLISECOND));
            case END_OF_INPUT -> {
                closeSource();
                yield pending.isEmpty() && noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
        };
    }

    private boolean openNextSplit() throws Exception {
        WholeSourceSplit split = pending.poll();
        if (split == null) {
            return false;
        }
        source = shippedSource.get();
        source.open(driver);
        if (split.position() != null) {
            source.restorePosition(new DataInputStream(new ByteArrayInputStream(split.position())));
        }
        return true;
    }

    private InputStatus waitFor(CompletableFuture<Void> future) {
        available = future;
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public List<WholeSourceSplit> snapshotState(long checkpointId) {
        if (source != null) {
            return List.of(new WholeSourceSplit(position()));
        }
        return List.copyOf(pending); // not opened yet, or finished (then nothing is left to read)
    }

    private byte[] position() {
        if (source.position() < 0) {
            return null; // a source that cannot resume reads again from the start, as on Runnel
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            source.snapshotPosition(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<WholeSourceSplit> splits) {
        pending.addAll(splits);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (source != null) {
            source.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        closeSource();
    }

    private void closeSource() throws Exception {
        if (source != null) {
            Source<Object> closing = source;
            source = null;
            closing.close();
        }
    }
}
