package dev.runnel.compat.flink.connector.file;

import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import dev.runnel.compat.flink.fs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Flink's {@code FileSource} for record formats: reads the given files, and every file under the
 * given directories (recursively, leaving out hidden files whose names start with '.' or '_', as
 * Flink's default filter does), one record at a time through a {@link StreamFormat}. Files are read
 * in path order, each whole. Bounded by default; {@link FileSourceBuilder#monitorContinuously}
 * makes it unbounded, looking for new files at that interval (a file is read once, when first seen).
 *
 * <p>It is a Runnel {@link Source}, so {@code env.fromSource(source, strategy, name)} takes it as in
 * Flink. It cannot resume from a checkpoint (Flink's can): a checkpointed job reading it is refused.
 */
public final class FileSource<T> implements Source<T> {
    private final StreamFormat<T> format;
    private final List<Path> paths;
    private final Duration discoveryInterval;

    private transient Deque<java.nio.file.Path> pending;
    private transient Set<java.nio.file.Path> seen;
    private transient StreamFormat.Reader<T> reader;
    private transient Clock clock;
    private transient long nextDiscoveryMillis;

    private FileSource(StreamFormat<T> format, List<Path> paths, Duration discoveryInterval) {
        this.format = format;
        this.paths = paths;
        this.discoveryInterval = discoveryInterval;
    }

    /** A builder for a source reading {@code paths} (files or directories) with {@code format}. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        Objects.requireNonNull(format, "format");
        if (paths == null || paths.length == 0) {
            throw new IllegalArgumentException("FileSource needs at least one path");
        }
        return new FileSourceBuilder<>(format, List.of(paths));
    }

    @Override
    public boolean isBounded() {
        return discoveryInterval == null;
    }

    @Override
    public void open(SourceContext context) throws IOException {
        pending = new ArrayDeque<>();
        seen = new HashSet<>();
        clock = context.clock();
        discover();
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws IOException {
        int emitted = 0;
        while (emitted < maxRecords) {
            if (reader == null) {
                java.nio.file.Path next = pending.poll();
                if (next == null) {
                    return whenNoFileIsLeft();
                }
                reader = format.createReader(Files.newInputStream(next));
            }
            T record = reader.read();
            if (record == null) {
                reader.close();
                reader = null;
            } else {
                output.collect(record);
                emitted++;
            }
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    private SourceStatus whenNoFileIsLeft() throws IOException {
        if (discoveryInterval == null) {
            return SourceStatus.END_OF_INPUT;
        }
        if (clock.millis() >= nextDiscoveryMillis) {
            discover();
        }
        return pending.isEmpty() ? SourceStatus.NOTHING_AVAILABLE : SourceStatus.MORE_AVAILABLE;
    }

    /** Queues the files not seen before, in path order. */
    private void discover() throws IOException {
        List<java.nio.file.Path> found = new ArrayList<>();
        for (Path path : paths) {
            java.nio.file.Path local = path.toLocalPath();
            if (Files.isDirectory(local)) {
                try (Stream<java.nio.file.Path> files = Files.walk(local)) {
                    files.filter(f -> Files.isRegularFile(f) && visible(local, f)).forEach(found::add);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(local)) {
                found.add(local);
            } else if (discoveryInterval == null) {
                throw new IOException("File source path " + path + " does not exist");
            }
        }
        found.sort(null);
        for (java.nio.file.Path file : found) {
            if (seen.add(file)) {
                pending.add(file);
            }
        }
        if (discoveryInterval != null) {
            nextDiscoveryMillis = clock.millis() + discoveryInterval.toMillis();
        }
    }

    private static boolean visible(java.nio.file.Path root, java.nio.file.Path file) {
        for (java.nio.file.Path part : root.relativize(file)) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Flink's {@code FileSource.FileSourceBuilder}. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final List<Path> paths;
        private Duration discoveryInterval;

        private FileSourceBuilder(StreamFormat<T> format, List<Path> paths) {
            this.format = format;
            this.paths = paths;
        }

        /** Makes the source unbounded: it looks for new files every {@code discoveryInterval}. */
        public FileSourceBuilder<T> monitorContinuously(Duration discoveryInterval) {
            if (discoveryInterval == null || discoveryInterval.isNegative() || discoveryInterval.isZero()) {
                throw new IllegalArgumentException("discoveryInterval must be positive, got " + discoveryInterval);
            }
            this.discoveryInterval = discoveryInterval;
            return this;
        }

        /** Makes the source bounded again: it reads the files there are when the job starts. */
        public FileSourceBuilder<T> processStaticFileSet() {
            this.discoveryInterval = null;
            return this;
        }

        public FileSource<T> build() {
            return new FileSource<>(format, paths, discoveryInterval);
        }
    }
}
