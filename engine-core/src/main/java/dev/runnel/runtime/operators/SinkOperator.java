package dev.runnel.runtime.operators;

import dev.runnel.api.functions.Sink;
import dev.runnel.api.functions.SinkFunction;
import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.checkpoint.StateSerializers;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import dev.runnel.runtime.Operator;
import dev.runnel.state.KeyedRuntimeContext;
import org.HdrHistogram.Histogram;

/**
 * Hands records to a user sink and records the transit time of latency markers. A
 * {@link TwoPhaseCommitSink} gets a writer per subtask whose transactions follow the checkpoints:
 * pre-committed when one is taken, committed when it completes, and at end of input.
 */
public final class SinkOperator<T> extends Operator<T, Void> {
    private final Sink<T> sink;
    private final Histogram latency = new Histogram(3_600_000_000_000L, 3);
    /** Null unless the sink is two-phase. */
    private TwoPhaseCommitSink.Writer<T> writer;
    private final List<byte[]> restoredWriterState = new ArrayList<>();

    public SinkOperator(Sink<T> sink) {
        this.sink = sink;
    }

    public Histogram latencyHistogram() {
        return latency;
    }

    /** The user's sink if it is two-phase (shared by all subtasks), else null. */
    public TwoPhaseCommitSink<T> twoPhaseSink() {
        return sink instanceof TwoPhaseCommitSink<T> twoPhase ? twoPhase : null;
    }

    /**
     * The writer state inside a snapshot this operator took (what {@link TwoPhaseCommitSink.Writer#preCommit}
     * returned), or null if its sink is not two-phase: lets a restore hand every old subtask's state
     * to {@link TwoPhaseCommitSink#recover} before any subtask opens.
     */
    public static byte[] writerState(byte[] snapshot) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot));
        in.readLong(); // the watermark, written by Operator.snapshotState
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] state = new byte[length];
        in.readFully(state);
        return state;
    }

    /** The sink as Flink's {@code SinkFunction}, which takes a context per record; {@code null} otherwise. */
    private SinkFunction<T> sinkFunction;
    private long recordTimestamp = NO_TIMESTAMP;
    private final SinkFunction.Context sinkContext = new SinkFunction.Context() {
        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return recordTimestamp == NO_TIMESTAMP ? null : recordTimestamp;
        }
    };

    @Override
    public void open() throws Exception {
        sinkFunction = sink instanceof SinkFunction<T> f ? f : null;
        UserFunctions.open(sink, new KeyedRuntimeContext(context, null));
        if (sink instanceof TwoPhaseCommitSink<T> twoPhase) {
            writer = twoPhase.createWriter(context.subtask(), List.copyOf(restoredWriterState));
            restoredWriterState.clear();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            UserFunctions.close(sink);
        }
    }

    @Override
    public void collect(T value, long timestamp) {
        metrics.recordsIn++;
        try {
            if (writer != null) {
                writer.write(value, timestamp);
            } else if (sinkFunction != null) {
                recordTimestamp = timestamp;
                sinkFunction.invoke(value, sinkContext);
            } else {
                sink.invoke(value, timestamp);
            }
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
    }

    @Override
    public void latencyMarker(long originNanos) {
        long transit = System.nanoTime() - originNanos;
        if (transit >= 0 && transit <= latency.getHighestTrackableValue()) {
            latency.recordValue(transit);
        }
    }

    /** Plain sinks are stateless apart from the watermark (and at-least-once); two-phase ones store their writer's state. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    /** Without a checkpoint id (not how checkpoints call it): as for a checkpoint that never completes. */
    @Override
    public void snapshotState(DataOutput out, StateSerializers serializers) throws IOException {
        snapshotState(Long.MAX_VALUE, out, serializers);
    }

    @Override
    public void snapshotState(long checkpointId, DataOutput out, StateSerializers serializers) throws IOException {
        super.snapshotState(out, serializers);
        if (writer == null) {
            out.writeInt(-1);
            return;
        }
        byte[] state;
        try {
            state = writer.preCommit(checkpointId);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Sink '" + context.name() + "' could not pre-commit for checkpoint " + checkpointId + ": " + e, e);
        }
        out.writeInt(state.length);
        out.write(state);
    }

    @Override
    public void restoreState(DataInput in, StateSerializers serializers) throws IOException {
        super.restoreState(in, serializers);
        int length = in.readInt();
        if (length >= 0) {
            byte[] state = new byte[length];
            in.readFully(state);
            restoredWriterState.add(state);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (writer != null) {
            writer.commit(checkpointId);
        }
    }

    @Override
    protected void onEndOfInput() {
        if (writer != null) {
            try {
                writer.finish();
            } catch (Exception e) {
                throw userFailure(e, null, NO_TIMESTAMP, "end of input");
            }
        }
    }
}
