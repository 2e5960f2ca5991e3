package dev.runnel.api.sink;

import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.Sink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Writes one line per record to a file: CSV (with quoting) or JSON lines (with an encoder the
 * caller provides, so the core needs no JSON library). Parallel subtasks share one writer.
 * Lines are flushed on close. Not for checkpointed jobs: a job restored from a checkpoint opens the
 * file anew, so what was written before the crash is gone; {@link ExactlyOnceFileSink} writes part
 * files that follow the checkpoints.
 */
public final class FileSink<T> implements Sink<T>, RichFunction {
    private final Path path;
    private final String header;
    private final Function<T, String> encoder;
    private transient BufferedWriter writer;
    private transient int opened;

    private FileSink(Path path, String header, Function<T, String> encoder) {
        this.path = path;
        this.header = header;
        this.encoder = encoder;
    }

    /** Each record becomes the line {@code toLine} gives. */
    public static <T> FileSink<T> lines(Path path, Function<T, String> toLine) {
        return new FileSink<>(path, null, toLine);
    }

    /** CSV with a header line; {@code toFields} gives each record's column values, quoted as needed. */
    public static <T> FileSink<T> csv(Path path, List<String> header, Function<T, List<?>> toFields) {
        return new FileSink<>(path, csvLine(header), r -> csvLine(toFields.apply(r)));
    }

    /** JSON lines; {@code toJson} must return one JSON document without line breaks. */
    public static <T> FileSink<T> jsonLines(Path path, Function<T, String> toJson) {
        return new FileSink<>(path, null, toJson);
    }

    static String csvLine(List<?> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = String.valueOf(fields.get(i));
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    @Override
    public synchronized void open(RuntimeContext context) throws IOException {
        if (opened++ > 0) {
            return;
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        if (header != null) {
            writer.write(header);
            writer.newLine();
        }
    }

    @Override
    public synchronized void invoke(T value) {
        try {
            writer.write(encoder.apply(value));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to " + path, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (--opened == 0 && writer != null) {
            writer.close();
        }
    }
}
