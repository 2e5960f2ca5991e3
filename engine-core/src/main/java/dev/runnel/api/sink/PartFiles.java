package dev.runnel.api.sink;

import java.io.IOException;
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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part files of an {@link ExactlyOnceFileSink}'s directory: visible (committed) parts are named
 * {@code part-SSSSS-NNNNNNNNNN} (subtask, sequence number); hidden ones {@code .part-SSSSS-NNNNNNNNNN}
 * with the suffix {@code .inprogress} (being written) or {@code .pending} (pre-committed for a
 * checkpoint). Every change of state is a rename within the directory.
 */
final class PartFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PartFiles.class);
    private static final Pattern PART = Pattern.compile("(\\.?)part-(\\d{5})-(\\d{10})(\\.inprogress|\\.pending)?");
    static final String IN_PROGRESS = ".inprogress";
    static final String PENDING = ".pending";

    private final Path directory;

    PartFiles(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    Path visible(int subtask, long seq) {
        return directory.resolve(name(subtask, seq));
    }

    Path hidden(int subtask, long seq, String suffix) {
        return directory.resolve("." + name(subtask, seq) + suffix);
    }

    private static String name(int subtask, long seq) {
        return String.format("part-%05d-%010d", subtask, seq);
    }

    /** The lines of every committed part, parts in name order (subtask, then sequence). */
    List<String> readCommitted() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        for (Map.Entry<Integer, TreeSet<Long>> subtask : list(false).entrySet()) {
            for (long seq : subtask.getValue()) {
                lines.addAll(Files.readAllLines(visible(subtask.getKey(), seq), StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    /** Sequence numbers of visible ({@code hidden} false) or hidden parts, by subtask, both ascending. */
    TreeMap<Integer, TreeSet<Long>> list(boolean hidden) throws IOException {
        TreeMap<Integer, TreeSet<Long>> parts = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(f -> {
                Matcher m = PART.matcher(f.getFileName().toString());
                boolean isVisible = m.matches() && m.group(1).isEmpty() && m.group(4) == null;
                boolean isHidden = m.matches() && !m.group(1).isEmpty();
                if (hidden ? isHidden : isVisible) {
                    parts.computeIfAbsent(Integer.parseInt(m.group(2)), s -> new TreeSet<>()).add(Long.parseLong(m.group(3)));
                }
            });
        }
        return parts;
    }

    TreeSet<Long> list(boolean hidden, int subtask) throws IOException {
        return list(hidden).getOrDefault(subtask, new TreeSet<>());
    }

    /** One past the highest visible part of each subtask that has one. */
    Map<Integer, Long> visibleEnds() throws IOException {
        Map<Integer, Long> ends = new TreeMap<>();
        list(false).forEach((subtask, seqs) -> ends.put(subtask, seqs.last() + 1));
        return ends;
    }

    /**
     * Makes a pending part visible; idempotent, since a restore may commit a part committed before
     * the crash. A part still named in-progress was forced to disk before its checkpoint (only the
     * rename was lost), so it is committed too.
     */
    void commit(int subtask, long seq) throws IOException {
        Path to = visible(subtask, seq);
        Path from = hidden(subtask, seq, PENDING);
        if (!Files.exists(from)) {
            from = hidden(subtask, seq, IN_PROGRESS);
        }
        if (Files.exists(from)) {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } else if (!Files.exists(to)) {
            throw new IOException("Part " + seq + " of subtask " + subtask + " in " + directory
                + " belongs to a completed checkpoint but is neither pending nor committed; it was deleted");
        }
    }

    /** Deletes hidden parts of {@code subtask} numbered {@code from} or higher: never committed, and written after the restored checkpoint. */
    void discardHiddenFrom(int subtask, long from) throws IOException {
        for (long seq : list(true, subtask).tailSet(from)) {
            for (String suffix : new String[] {IN_PROGRESS, PENDING}) {
                if (Files.deleteIfExists(hidden(subtask, seq, suffix))) {
                    LOG.info("Discarded uncommitted part {} of subtask {} in {}", seq, subtask, directory);
                }
            }
        }
    }

    /**
     * Deletes visible parts of {@code subtask} numbered {@code from} or higher; returns their numbers.
     * Not forced to disk: should a power failure bring one back, the next restore deletes it again.
     */
    List<Long> rollBackFrom(int subtask, long from) throws IOException {
        List<Long> deleted = new ArrayList<>();
        for (long seq : list(false, subtask).tailSet(from)) {
            if (Files.deleteIfExists(visible(subtask, seq))) {
                deleted.add(seq);
            }
        }
        return deleted;
    }

    /** Forces the directory's entries to disk where the platform allows it (Linux; not Windows). */
    void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // not supported here: renames are then as durable as the file system makes them
        }
    }
}
