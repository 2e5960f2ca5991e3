package dev.runnel.api.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
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
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per record into part files of a directory, exactly once: a part becomes visible
 * (named {@code part-SSSSS-NNNNNNNNNN}, subtask and sequence number) only when the checkpoint that
 * covers it completes, or at end of input. Until then it is a hidden {@code .part-...inprogress}
 * file; a checkpoint closes it, forces it to disk and renames it {@code .part-....pending}. A job
 * restored from a checkpoint commits that checkpoint's pending parts and deletes the parts written
 * after it, so after any number of crashes and restores the visible parts, read in name order, hold
 * each record once. {@link #readCommitted} reads them.
 *
 * <p>Without checkpointing nothing becomes visible before end of input. Parts a checkpoint
 * pre-committed but that are not committed yet stay hidden if the job stops without a restore.
 */
public final class ExactlyOnceFileSink<T> implements TwoPhaseCommitSink<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceFileSink.class);
    private static final Pattern PART = Pattern.compile("(\\.?)part-(\\d{5})-(\\d{10})(\\.inprogress|\\.pending)?");

    private final Path directory;
    private final Function<T, String> toLine;

    private ExactlyOnceFileSink(Path directory, Function<T, String> toLine) {
        this.directory = directory;
        this.toLine = toLine;
    }

    /** Each record becomes the line {@code toLine} gives (it must not contain line breaks). */
    public static <T> ExactlyOnceFileSink<T> lines(Path directory, Function<T, String> toLine) {
        return new ExactlyOnceFileSink<>(directory, toLine);
    }

    /** The lines of every committed part, parts in name order (subtask, then sequence). */
    public static List<String> readCommitted(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        List<Path> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> {
                Matcher m = PART.matcher(f.getFileName().toString());
                return m.matches() && m.group(1).isEmpty() && m.group(4) == null;
            }).forEach(parts::add);
        }
        parts.sort(null);
        for (Path p : parts) {
            lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Override
    public TwoPhaseCommitSink.Writer<T> createWriter(int subtask, List<byte[]> restored) throws IOException {
        Files.createDirectories(directory);
        return new PartWriter(subtask, restored);
    }

    private static String committedName(int subtask, long seq) {
        return String.format("part-%05d-%010d", subtask, seq);
    }

    /** One pre-committed part waiting for its checkpoint to complete. */
    private record Pending(long seq, long checkpointId) {}

    private final class PartWriter implements TwoPhaseCommitSink.Writer<T> {
        private final int subtask;
        private long nextSeq;
        private final List<Pending> pending = new ArrayList<>();
        private FileChannel channel;
        private java.io.Writer out;
        private long currentSeq = -1;

        PartWriter(int subtask, List<byte[]> restored) throws IOException {
            this.subtask = subtask;
            long maxCommitted = -1;
            for (byte[] state : restored) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
                int oldSubtask = in.readInt();
                long oldNextSeq = in.readLong();
                // the restored checkpoint is complete: its pending parts are committed now if the crash
                // came first, and so is any earlier part whose commit rename a power failure undid
                for (int n = in.readInt(); n > 0; n--) {
                    long seq = in.readLong();
                    in.readLong();
                    commitPart(oldSubtask, seq);
                }
                for (long seq : seqsOf(oldSubtask, true)) {
                    if (seq < oldNextSeq) {
                        commitPart(oldSubtask, seq);
                    }
                }
                discardFrom(oldSubtask, oldNextSeq);
                if (oldSubtask == subtask) {
                    nextSeq = Math.max(nextSeq, oldNextSeq);
                }
            }
            if (restored.isEmpty()) {
                discardFrom(subtask, 0); // a fresh start: nothing hidden of this subtask is ours
            }
            for (long seq : seqsOf(subtask, false)) {
                maxCommitted = Math.max(maxCommitted, seq);
            }
            nextSeq = Math.max(nextSeq, maxCommitted + 1); // never overwrite a visible part
        }

        @Override
        public void write(T value, long timestamp) throws IOException {
            if (out == null) {
                currentSeq = nextSeq++;
                channel = FileChannel.open(hidden(subtask, currentSeq, ".inprogress"),
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                out = new java.io.BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
            }
            out.write(toLine.apply(value));
            out.write('\n');
        }

        @Override
        public byte[] preCommit(long checkpointId) throws IOException {
            closeCurrent(checkpointId);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream state = new DataOutputStream(bytes);
            state.writeInt(subtask);
            state.writeLong(nextSeq);
            state.writeInt(pending.size());
            for (Pending p : pending) {
                state.writeLong(p.seq());
                state.writeLong(p.checkpointId());
            }
            state.flush();
            return bytes.toByteArray();
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
            Files.move(hidden(subtask, currentSeq, ".inprogress"), hidden(subtask, currentSeq, ".pending"),
                StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(); // the part's directory entry must outlive a power failure, as its bytes do
            pending.add(new Pending(currentSeq, checkpointId));
            currentSeq = -1;
        }

        @Override
        public void commit(long checkpointId) throws IOException {
            while (!pending.isEmpty() && pending.get(0).checkpointId() <= checkpointId) {
                commitPart(subtask, pending.remove(0).seq());
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

    private Path hidden(int subtask, long seq, String suffix) {
        return directory.resolve("." + committedName(subtask, seq) + suffix);
    }

    /**
     * Makes a pending part visible; idempotent, since a restore may commit a part committed before
     * the crash. A part still named in-progress was forced to disk before its checkpoint (only the
     * rename was lost), so it is committed too.
     */
    private void commitPart(int subtask, long seq) throws IOException {
        Path to = directory.resolve(committedName(subtask, seq));
        Path from = hidden(subtask, seq, ".pending");
        if (!Files.exists(from)) {
            from = hidden(subtask, seq, ".inprogress");
        }
        if (Files.exists(from)) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } else if (!Files.exists(to)) {
            throw new IOException("Part " + seq + " of subtask " + subtask + " in " + directory
                + " belongs to a completed checkpoint but is neither pending nor committed; it was deleted");
        }
    }

    /** Forces the directory's entries to disk where the platform allows it (Linux; not Windows). */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported here: renames are then as durable as the file system makes them
        }
    }

    /** Deletes hidden parts of {@code subtask} numbered {@code from} or higher: output after the restored checkpoint. */
    private void discardFrom(int subtask, long from) throws IOException {
        for (long seq : seqsOf(subtask, true)) {
            if (seq >= from) {
                for (String suffix : new String[] {".inprogress", ".pending"}) {
                    if (Files.deleteIfExists(hidden(subtask, seq, suffix))) {
                        LOG.info("Discarded uncommitted part {} of subtask {} in {}", seq, subtask, directory);
                    }
                }
            }
        }
    }

    private List<Long> seqsOf(int subtask, boolean hiddenParts) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(f -> {
                Matcher m = PART.matcher(f.getFileName().toString());
                if (m.matches() && Integer.parseInt(m.group(2)) == subtask && m.group(1).isEmpty() != hiddenParts) {
                    seqs.add(Long.parseLong(m.group(3)));
                }
            });
        }
        return seqs;
    }
}
