package dev.runnel.runtime;

import dev.runnel.runtime.exchange.ChannelReader;
import dev.runnel.runtime.exchange.PartitionOutput;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * One thread's share of a job: some sources and/or channel readers feeding a chain of operators.
 * The loop polls every input in turn, flushes outgoing channels after each round (so latency is
 * bounded by one round, not by a full batch) and backs off when nothing moved.
 */
final class Task implements Runnable {
    final String name;
    final List<SourceDriver<?>> sources = new ArrayList<>();
    final List<ChannelReader<?>> readers = new ArrayList<>();
    final List<PartitionOutput<?>> partitionOutputs = new ArrayList<>();
    /** In topological order: upstream first. */
    final List<Operator<?, ?>> operators = new ArrayList<>();
    /** Busy, idle and back-pressured time of this thread, shared by the metrics of every operator it runs. */
    final TaskTimes times = new TaskTimes();
    /** Timers this thread's operators fired on watermarks: what its sources pace their watermark steps by. */
    final WatermarkWork watermarkWork = new WatermarkWork();
    private final JobExecution job;
    /** Null when the job does not checkpoint or restore. */
    Checkpointing checkpointing;
    private long notifiedCheckpoint = -1;

    Task(String name, JobExecution job) {
        this.name = name;
        this.job = job;
    }

    @Override
    public void run() {
        Thread.currentThread().setName("runnel-" + name);
        boolean opened = false;
        try {
            if (checkpointing != null) {
                checkpointing.restoreOperators(this);
            }
            for (int i = operators.size() - 1; i >= 0; i--) {
                operators.get(i).open();
            }
            for (SourceDriver<?> s : sources) {
                s.open();
            }
            if (checkpointing != null) {
                checkpointing.restoreSources(this);
            }
            opened = true;
            times.start(System.nanoTime());
            loop();
            closeAll();
        } catch (Throwable t) {
            job.fail(t);
            if (opened) {
                try {
                    closeAll();
                } catch (Throwable suppressed) {
                    // the first failure is the one reported
                }
            }
        } finally {
            times.end(System.nanoTime());
            job.taskFinished();
        }
    }

    private void loop() throws Exception {
        IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 1_000_000);
        List<SourceDriver<?>> liveSources = new ArrayList<>(sources);
        List<ChannelReader<?>> liveReaders = new ArrayList<>(readers);
        while (!liveSources.isEmpty() || !liveReaders.isEmpty()) {
            if (job.isCancelled()) {
                return;
            }
            boolean progress = false;
            for (int i = 0; i < liveSources.size(); i++) {
                SourceDriver<?> s = liveSources.get(i);
                progress |= s.step();
                if (s.finished()) {
                    liveSources.remove(i--);
                    if (liveSources.isEmpty() && checkpointing != null) {
                        checkpointing.sourceTaskFinished();
                    }
                }
            }
            for (int i = 0; i < liveReaders.size(); i++) {
                ChannelReader<?> r = liveReaders.get(i);
                progress |= r.poll();
                if (r.ended()) {
                    liveReaders.remove(i--);
                }
            }
            for (PartitionOutput<?> p : partitionOutputs) {
                p.flush();
            }
            if (checkpointing != null) {
                progress |= checkpointStep(liveReaders);
            }
            // idle time is the wait in the idle strategy after an empty round (a spin, a yield or a park of up to
            // 1 ms): a round that moved records reads no clock, and time blocked inside user code stays busy
            if (progress) {
                idle.reset();
            } else {
                times.idleStart(System.nanoTime());
                idle.idle();
                times.idleEnd(System.nanoTime());
            }
        }
    }

    /**
     * Between rounds, when nothing is in flight inside this task: the source task may start a
     * checkpoint; any other task snapshots once its inputs have aligned on a barrier. Then operators
     * hear of checkpoints that completed since the last round.
     */
    private boolean checkpointStep(List<ChannelReader<?>> liveReaders) throws Exception {
        boolean progress = false;
        if (!sources.isEmpty()) {
            checkpointing.maybeTrigger(this);
        } else if (sources.isEmpty() && barrierAligned(liveReaders)) {
            long id = liveReaders.stream().filter(ChannelReader::holdsBarrier).findFirst().orElseThrow().barrierId();
            checkpointing.contribute(this, id);
            sendBarrier(id);
            for (ChannelReader<?> r : readers) {
                r.releaseBarrier();
            }
            progress = true;
        }
        long completed = checkpointing.lastCompletedId();
        if (completed > notifiedCheckpoint) {
            notifiedCheckpoint = completed;
            for (SourceDriver<?> s : sources) {
                s.notifyCheckpointComplete(completed);
            }
            for (Operator<?, ?> op : operators) {
                op.notifyCheckpointComplete(completed);
            }
            checkpointing.notified(this, completed);
        }
        return progress;
    }

    private static boolean barrierAligned(List<ChannelReader<?>> liveReaders) {
        boolean any = false;
        for (ChannelReader<?> r : liveReaders) {
            if (!r.aligned()) {
                return false;
            }
            any |= r.holdsBarrier();
        }
        return any;
    }

    /** Forwards checkpoint barrier {@code id} after everything this task emitted before it. */
    void sendBarrier(long id) {
        for (PartitionOutput<?> p : partitionOutputs) {
            p.barrier(id);
        }
    }

    private void closeAll() throws Exception {
        Exception first = null;
        for (SourceDriver<?> s : sources) {
            try {
                s.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        for (Operator<?, ?> op : operators) {
            try {
                op.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
