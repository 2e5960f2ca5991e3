package dev.runnel.examples.cli;

import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.Sink;
import dev.runnel.runtime.operators.UserFunctions;
import dev.runnel.examples.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where a run's alerts and results go: one line per record, as text ({@code KIND value}) or as JSON
 * lines ({@code {"kind": KIND, ...fields}}), counted by kind for the summary. Sinks of several
 * streams (and parallel subtasks) share one report, so writing is synchronized.
 */
public final class Report implements AutoCloseable {
    public enum Format { TEXT, JSON }

    private final Writer out;
    private final Format format;
    private final boolean closeWriter;
    private final java.util.List<AutoCloseable> resources = new java.util.ArrayList<>();
    private final boolean flushEachLine;
    private final Map<String, Long> counts = new TreeMap<>();
    private LineSinks lineSinks;

    /** Where lines go instead of the writer, through one sink per kind (a Kafka topic's {@code KafkaSink}). */
    public interface LineSinks {
        /** A sink for the records of {@code kind}; {@code line} gives a record's line, {@code counted} counts it. */
        <T> Sink<T> sink(String kind, Function<T, String> line, Runnable counted);
    }

    public Report(Writer out, Format format, boolean closeWriter) {
        this(out, format, closeWriter, false);
    }

    /**
     * {@code flushEachLine}: every line leaves the buffer before the sink returns, so a line emitted
     * before a checkpoint is written before that checkpoint completes and a crash loses none of them.
     */
    public Report(Writer out, Format format, boolean closeWriter, boolean flushEachLine) {
        this.out = out;
        this.format = format;
        this.closeWriter = closeWriter;
        this.flushEachLine = flushEachLine;
    }

    /** Lines go to {@code sinks} (one per kind) instead of the writer; call before the job is defined. */
    public Report writingTo(LineSinks sinks) {
        this.lineSinks = sinks;
        return this;
    }

    /** A sink that writes every record it gets under {@code kind}; text lines use {@code toString()}. */
    public <T> Sink<T> sink(String kind) {
        return sink(kind, String::valueOf);
    }

    /** A sink that writes every record under {@code kind}, with {@code toText} giving the text line. */
    public <T> Sink<T> sink(String kind, Function<T, String> toText) {
        if (lineSinks != null) {
            return lineSinks.sink(kind, value -> line(kind, value, toText), () -> count(kind));
        }
        return value -> write(kind, value, toText);
    }

    private <T> String line(String kind, T value, Function<? super T, String> toText) {
        return format == Format.JSON ? Json.line(kind, value) : kind + " " + toText.apply(value);
    }

    /** A sink that only counts records under {@code kind} (results a run keeps quiet about). */
    public <T> Sink<T> counter(String kind) {
        return value -> count(kind);
    }

    /** {@code delegate} (e.g. a file sink, opened and closed with the job), counting its records under {@code kind}. */
    public <T> Sink<T> counting(String kind, Sink<T> delegate) {
        return new CountingSink<>(this, kind, delegate);
    }

    /** {@code toText} only runs for text reports: JSON lines are built from the value's fields. */
    private synchronized <T> void write(String kind, T value, Function<? super T, String> toText) {
        counts.merge(kind, 1L, Long::sum);
        String line = line(kind, value, toText);
        try {
            out.write(line);
            out.write(System.lineSeparator());
            if (flushEachLine) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report", e);
        }
    }

    private synchronized void count(String kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    /** Records written (or counted) per kind, in kind order. */
    public synchronized Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }

    public synchronized long count(String kind, long fallback) {
        return counts.getOrDefault(kind, fallback);
    }

    /**
     * Closes {@code resource} when the report closes, after the job ended and before the output is closed: a channel
     * that delivers in the background (the S6 webhook) finishes its deliveries there.
     */
    public synchronized void closeWithReport(AutoCloseable resource) {
        resources.add(resource);
    }

    @Override
    public synchronized void close() throws IOException {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IOException("Could not close " + resource + ": " + e.getMessage(), e);
            }
        }
        resources.clear();
        if (closeWriter) {
            out.close();
        } else {
            out.flush();
        }
    }

    private static final class CountingSink<T> implements Sink<T>, RichFunction {
        private final transient Report report;
        private final String kind;
        private final Sink<T> delegate;

        CountingSink(Report report, String kind, Sink<T> delegate) {
            this.report = report;
            this.kind = kind;
            this.delegate = delegate;
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            UserFunctions.open(delegate, context);
        }

        @Override
        public void invoke(T value) throws Exception {
            delegate.invoke(value);
            report.count(kind);
        }

        @Override
        public void close() throws Exception {
            UserFunctions.close(delegate);
        }
    }
}
