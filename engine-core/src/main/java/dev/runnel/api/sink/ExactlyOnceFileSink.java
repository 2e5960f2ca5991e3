package dev.runnel.api.sink;

import dev.runnel.api.sink.PartWriterState.Pending;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per record into part files of a directory, exactly once: a part becomes visible
 * (named {@code part-SSSSS-NNNNNNNNNN}, subtask and sequence number) only when the checkpoint that
 * covers it completes, or at end of input. Until then it is a hidden {@code .part-...inprogress}
 * file; a checkpoint closes it, forces it to disk and renames it {@code .part-....pending}. After any
 * number of crashes and restores the visible parts, read in name order, hold each record once.
 * {@link #readCommitted} reads them. The directory belongs to the sink: one job writes it.
 *
 * <p>A restore from checkpoint N ({@link #recover}) puts the directory in the state N describes.
 * N stores, for every subtask, the number of its first part after N; every part numbered lower is
 * N's, every one numbered higher came from records after N. So the restore commits N's pending parts
 * (the crash may have come before their commit), deletes hidden parts after N, and also deletes
 * <em>visible</em> parts after N: those that later checkpoints committed. That matters when the restore
 * falls back to N because the newest checkpoint file is damaged: its parts were committed when it
 * completed, and the replay from N writes them again. The sink's own record of that newer
 * checkpoint (what it pre-committed) is in the damaged file and lost, but it is not needed: N's
 * numbers alone say which parts came after N. Rolling back rather than refusing the restore keeps
 * the job running and the output exactly-once; the cost is that a reader who saw a rolled-back part
 * before the crash sees it replaced (by the same records, if the job is deterministic, possibly cut
 * into parts differently). Each rollback is logged at WARN.
 *
 * <p>A subtask's parts can also come from outside N's job: a job restored at another parallelism
 * stops writing some subtasks and starts others. So N also stores where the output of every
 * subtask ended when its job started, and a restore deletes every part of a subtask N does not
 * know at all: only a job after N can have written it. Output that was in the directory before a
 * job started fresh counts as covered by each of its checkpoints and is kept.
 *
 * <p>Without checkpointing nothing becomes visible before end of input. Parts a checkpoint
 * pre-committed but that are not committed yet stay hidden if the job stops without a restore.
 */
public final class ExactlyOnceFileSink<T> implements TwoPhaseCommitSink<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceFileSink.class);

    private final PartFiles parts;
    private final Function<T, String> toLine;
    /** Where each subtask's output ended when the job started, as {@link #recover} found it; stored in each writer's state. */
    private volatile Map<Integer, Long> endsAtStart = Map.of();

    private ExactlyOnceFileSink(Path directory, Function<T, String> toLine) {
        this.parts = new PartFiles(directory);
        this.toLine = toLine;
    }

    /** Each record becomes the line {@code toLine} gives (it must not contain line breaks). */
    public static <T> ExactlyOnceFileSink<T> lines(Path directory, Function<T, String> toLine) {
        return new ExactlyOnceFileSink<>(directory, toLine);
    }

    /** The lines of every committed part, parts in name order (subtask, then sequence). */
    public static List<String> readCommitted(Path directory) throws IOException {
        return new PartFiles(directory).readCommitted();
    }

    /** The directory the parts go to; another engine's runner writes it with that engine's file sink (runner-flink). */
    public Path directory() {
        return parts.directory();
    }

    /** How a record becomes its line. */
    public Function<T, String> lineFormat() {
        return toLine;
    }

    @Override
    public synchronized void recover(List<byte[]> restored) throws IOException {
        Files.createDirectories(parts.directory());
        if (restored.isEmpty()) {
            // a fresh start: what is visible was there before and stays; nothing hidden can be committed any more
            for (int subtask : parts.list(true).keySet()) {
                parts.discardHiddenFrom(subtask, 0);
            }
            endsAtStart = Map.copyOf(parts.visibleEnds());
            return;
        }
        List<PartWriterState> states = new ArrayList<>();
        for (byte[] state : restored) {
            states.add(PartWriterState.decode(state));
        }
        // the restored checkpoint is complete: its pending parts are committed now if the crash came
        // first, and so is any earlier part whose commit rename a power failure undid
        for (PartWriterState s : states) {
            for (Pending p : s.pending()) {
                parts.commit(s.subtask(), p.seq());
            }
            for (long seq : parts.list(true, s.subtask()).headSet(s.nextSeq())) {
                parts.commit(s.subtask(), seq);
            }
        }
        Map<Integer, Long> ends = new TreeMap<>();
        boolean allKnown = true;
        for (PartWriterState s : states) {
            if (s.ends() == null) {
                allKnown = false;
            } else {
                ends.putAll(s.ends());
            }
        }
        for (PartWriterState s : states) {
            ends.put(s.subtask(), s.nextSeq()); // a subtask's own number is newer than where it stood at its job's start
        }
        TreeMap<Integer, Long> subtasks = new TreeMap<>(ends);
        parts.list(true).keySet().forEach(s -> subtasks.putIfAbsent(s, null));
        parts.list(false).keySet().forEach(s -> subtasks.putIfAbsent(s, null));
        for (Map.Entry<Integer, Long> e : subtasks.entrySet()) {
            if (e.getValue() == null && !allKnown) {
                continue; // the checkpoint predates stored ends: a subtask it does not name may be older than it
            }
            long end = e.getValue() == null ? 0 : e.getValue();
            parts.discardHiddenFrom(e.getKey(), end);
            List<Long> rolledBack = parts.rollBackFrom(e.getKey(), end);
            if (!rolledBack.isEmpty()) {
                LOG.warn("Rolled back {} committed part(s) of subtask {} in {} (numbers {} to {}): they were committed"
                    + " after the restored checkpoint, whose replay writes their records again",
                    rolledBack.size(), e.getKey(), parts.directory(), rolledBack.get(0), rolledBack.get(rolledBack.size() - 1));
            }
        }
        endsAtStart = Map.copyOf(ends);
    }

    @Override
    public TwoPhaseCommitSink.Writer<T> createWriter(int subtask, List<byte[]> restored) throws IOException {
        Files.createDirectories(parts.directory());
        long nextSeq = 0;
        for (byte[] state : restored) {
            PartWriterState s = PartWriterState.decode(state);
            if (s.subtask() == subtask) {
                nextSeq = s.nextSeq();
            }
        }
        if (restored.isEmpty()) {
            parts.discardHiddenFrom(subtask, 0); // nothing hidden of this subtask is ours
        }
        nextSeq = Math.max(nextSeq, endsAtStart.getOrDefault(subtask, 0L));
        var visible = parts.list(false, subtask);
        if (!visible.isEmpty()) {
            nextSeq = Math.max(nextSeq, visible.last() + 1); // never overwrite a visible part
        }
        return new PartWriter(subtask, nextSeq);
    }

    private final class PartWriter implements TwoPhaseCommitSink.Writer<T> {
        private final int subtask;
        private long nextSeq;
        private final List<Pending> pending = new ArrayList<>();
        private FileChannel channel;
        private java.io.Writer out;
        private long currentSeq = -1;

        PartWriter(int subtask, long nextSeq) {
            this.subtask = subtask;
            this.nextSeq = nextSeq;
        }

        @Override
        public void write(T value, long timestamp) throws IOException {
            if (out == null) {
                currentSeq = nextSeq++;
                channel = FileChannel.open(parts.hidden(subtask, currentSeq, PartFiles.IN_PROGRESS),
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                out = new java.io.BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
            }
            out.write(toLine.apply(value));
            out.write('\n');
        }

        @Override
        public byte[] preCommit(long checkpointId) throws IOException {
            closeCurrent(checkpointId);
            return new PartWriterState(subtask, nextSeq, pending, endsAtStart).encode();
        }

        /** Closes the open part, forces it to disk and marks it pending for {@code checkpointId}. */
        private void closeCurrent(long checkpointId) throws IOException {
            if (out == null) {
                return;
            }
            out.flush();
            channel.force(true);
            out.close();
            out = null;
            channel = null;
            Files.move(parts.hidden(subtask, currentSeq, PartFiles.IN_PROGRESS), parts.hidden(subtask, currentSeq, PartFiles.PENDING),
                StandardCopyOption.ATOMIC_MOVE);
            parts.syncDirectory(); // the part's directory entry must outlive a power failure, as its bytes do
            pending.add(new Pending(currentSeq, checkpointId));
            currentSeq = -1;
        }

        @Override
        public void commit(long checkpointId) throws IOException {
            while (!pending.isEmpty() && pending.get(0).checkpointId() <= checkpointId) {
                parts.commit(subtask, pending.remove(0).seq());
            }
        }

        @Override
        public void finish() throws IOException {
            closeCurrent(Long.MIN_VALUE);
            commit(Long.MAX_VALUE);
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close(); // left hidden: a restore deletes it
                out = null;
            }
        }
    }
}
