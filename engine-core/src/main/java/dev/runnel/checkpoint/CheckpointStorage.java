package dev.runnel.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of checkpoint files. A checkpoint is written to a temporary file, forced to disk and
 * then atomically renamed to {@code chk-<id>.ckp}, so a crash at any moment leaves either the
 * complete file or no file under the final name. The newest {@code retained} checkpoints are kept.
 * {@link #latest()} returns the newest checkpoint that verifies, skipping (and reporting) any newer
 * one that is truncated, corrupted or of another format version.
 */
public final class CheckpointStorage {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStorage.class);
    private static final Pattern NAME = Pattern.compile("chk-(\\d{19})\\.ckp");

    private final Path directory;
    private final int retained;
    private volatile long lastCompletedId = -1;
    private volatile long lastSizeBytes;
    private volatile long lastDurationNanos;

    public CheckpointStorage(Path directory, int retained) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (retained < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be retained, got " + retained);
        }
        this.retained = retained;
    }

    public Path directory() {
        return directory;
    }

    /** What {@link #latest()} found: the newest valid checkpoint, if any, and the newer files it skipped, newest first. */
    public record Restored(Optional<Checkpoint> checkpoint, List<SkippedCheckpoint> skipped) {}

    /** Durably writes checkpoint {@code id}, then deletes all but the newest {@code retained} checkpoints. */
    public Checkpoint write(long id, byte[] payload) throws IOException {
        long start = System.nanoTime();
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(id));
        if (Files.exists(target)) {
            throw new IOException("Checkpoint " + id + " already exists in " + directory);
        }
        Path temp = directory.resolve("." + fileName(id) + ".inprogress");
        Files.deleteIfExists(temp); // left over from a crash during an earlier attempt
        byte[] bytes = CheckpointFile.encode(id, payload);
        try {
            CheckpointFile.writeDurably(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory();
        lastDurationNanos = System.nanoTime() - start;
        lastSizeBytes = bytes.length;
        lastCompletedId = id;
        prune();
        return new Checkpoint(id, target, payload);
    }

    /** The newest checkpoint that reads back intact; newer ones that do not are reported in {@code skipped}. */
    public Restored latest() throws IOException {
        List<SkippedCheckpoint> skipped = new ArrayList<>();
        List<Long> ids = completedIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            Path file = directory.resolve(fileName(ids.get(i)));
            try {
                Checkpoint c = CheckpointFile.read(file);
                if (c.id() != ids.get(i)) {
                    throw new CheckpointFormatException("Checkpoint file " + file + " holds checkpoint " + c.id()
                        + ", not the " + ids.get(i) + " its name says");
                }
                return new Restored(Optional.of(c), List.copyOf(skipped));
            } catch (CheckpointFormatException e) {
                LOG.warn("{}; falling back to the previous checkpoint", e.getMessage());
                skipped.add(new SkippedCheckpoint(ids.get(i), e.getMessage()));
            }
        }
        return new Restored(Optional.empty(), List.copyOf(skipped));
    }

    /** Ids of the checkpoint files in the directory (valid or not), ascending. */
    public List<Long> completedIds() throws IOException {
        List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    ids.add(Long.parseLong(m.group(1)));
                }
            }
        }
        Collections.sort(ids);
        return ids;
    }

    /** The id the next checkpoint should take: one past the highest on disk (valid or not). */
    public long nextId() throws IOException {
        List<Long> ids = completedIds();
        return ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
    }

    public long lastCompletedId() {
        return lastCompletedId;
    }

    public long lastSizeBytes() {
        return lastSizeBytes;
    }

    public long lastDurationNanos() {
        return lastDurationNanos;
    }

    private void prune() throws IOException {
        List<Long> ids = completedIds();
        for (int i = 0; i < ids.size() - retained; i++) {
            Files.deleteIfExists(directory.resolve(fileName(ids.get(i))));
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, which is then skipped. */
    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync directory {}: {}", directory, e.toString());
        }
    }

    static String fileName(long id) {
        return String.format("chk-%019d.ckp", id);
    }
}
