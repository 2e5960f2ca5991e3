package dev.runnel.runtime;

/**
 * One instance of a pipeline step. It consumes records and control events as an {@link Output} and
 * pushes results to its own output by direct method call. Each instance is driven by exactly one
 * thread, so nothing here is synchronized.
 *
 * <p>The watermark contract: {@link #watermark} ignores values that do not move time forward, calls
 * {@link #onWatermark} (fire event-time timers) and only then forwards the watermark, so results of
 * timers always precede the watermark that caused them.
 */
public abstract class Operator<IN, OUT> implements Output<IN> {
    protected OperatorContext context;
    protected OperatorMetrics metrics;
    protected Output<OUT> output;
    protected long currentWatermark = Long.MIN_VALUE;
    private boolean restoredBefore;

    public void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.metrics = context.metrics();
        this.output = output;
    }

    public OperatorContext context() {
        return context;
    }

    public void open() throws Exception {}

    public void close() throws Exception {}

    /** Not final only so that operators which generate their own watermarks can swallow upstream ones. */
    @Override
    public void watermark(long watermark) {
        if (watermark <= currentWatermark) {
            return;
        }
        currentWatermark = watermark;
        metrics.currentWatermark = watermark;
        onWatermark(watermark);
        output.watermark(watermark);
    }

    /** Event time advanced; fire what is due. Called before the watermark is forwarded. */
    protected void onWatermark(long watermark) {}

    @Override
    public void idle(boolean idle) {
        metrics.idle = idle;
        output.idle(idle);
    }

    @Override
    public final void tick(long now) {
        onProcessingTime(now);
        output.tick(now);
    }

    /** Processing time advanced; fire due processing-time timers. */
    protected void onProcessingTime(long now) {}

    @Override
    public void latencyMarker(long originNanos) {
        output.latencyMarker(originNanos);
    }

    @Override
    public final void end() {
        onEndOfInput();
        output.end();
        context.sideOutputs().end();
    }

    /** After the final watermark: fire pending processing-time timers (see docs/semantics.md) and flush. */
    protected void onEndOfInput() {}

    public long currentWatermark() {
        return currentWatermark;
    }

    protected final OperatorException userFailure(Throwable cause, Object key, long timestamp, Object record) {
        if (cause instanceof OperatorException oe) {
            return oe;
        }
        return OperatorException.userCode(context.name(), key, timestamp, record, cause);
    }

    // ---- checkpoints (called by the task thread between records, never on the record path)

    /**
     * Whether this operator writes everything it needs to resume into {@link #snapshotState}. Off by
     * default, so an operator with state the checkpoint would miss makes the job refuse checkpointing
     * instead of resuming wrongly.
     */
    public boolean supportsCheckpoints() {
        return false;
    }

    /**
     * Called by the checkpoint with its id; writes the state with {@link #snapshotState(java.io.DataOutput,
     * dev.runnel.checkpoint.StateSerializers)}. Two-phase sinks override it to tag what they pre-commit
     * with the id, since {@link #notifyCheckpointComplete} tells only the newest completed checkpoint.
     */
    public void snapshotState(long checkpointId, java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers)
            throws java.io.IOException {
        snapshotState(out, serializers);
    }

    /** Writes the operator's state; the base writes its watermark. Overrides call super first. */
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        out.writeLong(currentWatermark);
    }

    /**
     * Reads what {@link #snapshotState} wrote; called after setup and before open. At the parallelism
     * of the checkpoint each subtask gets its own snapshot, once. After a change of parallelism a
     * keyed operator gets the snapshot of every old subtask, one call each, and a non-keyed one those
     * of old subtasks {@code i} with {@code i % parallelism == subtask}: overrides must add to what
     * earlier calls restored and keep only the keys for which {@link #ownsKey} holds.
     */
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        long watermark = in.readLong();
        // several old subtasks: the slowest one's watermark is the one all of them had passed
        currentWatermark = restoredBefore ? Math.min(currentWatermark, watermark) : watermark;
        restoredBefore = true;
        metrics.currentWatermark = currentWatermark;
    }

    /**
     * The checkpoint {@code checkpointId} is complete: every task's snapshot is durable. Called on the
     * task thread between records, after the snapshot this operator took for it (or a later one).
     * Two-phase sinks make the output of that checkpoint visible here.
     */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Whether this subtask is the one that holds {@code key}'s state (its key group maps here). */
    protected final boolean ownsKey(Object key) {
        int p = context.parallelism();
        return p == 1 || dev.runnel.runtime.exchange.KeyGroups.subtaskFor(key, p) == context.subtask();
    }
}
