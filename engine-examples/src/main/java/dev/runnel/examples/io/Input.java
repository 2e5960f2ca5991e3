package dev.runnel.examples.io;

import dev.runnel.api.source.CsvSource;
import dev.runnel.api.source.Source;
import dev.runnel.examples.cli.UsageException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Where an example reads its events: a file, or a sample bundled in the jar. Files ending in
 * {@code .jsonl}, {@code .ndjson} or {@code .json} are JSON lines; anything else is CSV with a header.
 */
public final class Input {
    private final String name;
    private final Callable<InputStream> opener;
    private final Path file;
    private final boolean jsonLines;
    private final SourceFactory factory;

    /** Where an input other than a file comes from (a Kafka topic): makes the source for an example's format. */
    public interface SourceFactory {
        <T> Source<T> source(ZoneId zone, List<String> columns, RecordFormat<T> format);
    }

    private Input(String name, Path file, Callable<InputStream> opener) {
        this(name, file, opener, null);
    }

    private Input(String name, Path file, Callable<InputStream> opener, SourceFactory factory) {
        this.name = name;
        this.factory = factory;
        this.file = file;
        this.opener = opener;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        this.jsonLines = lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json");
    }

    public static Input file(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isReadable(file)) {
            throw new UsageException("Cannot read input file " + file.toAbsolutePath());
        }
        return new Input(file.toString(), file, () -> Files.newInputStream(file));
    }

    /** A sample bundled under {@code /samples/} on the classpath, e.g. {@code transactions.csv}. */
    public static Input sample(String fileName) {
        String resource = "/samples/" + fileName;
        if (Input.class.getResource(resource) == null) {
            throw new UsageException("No bundled sample " + resource
                + "; samples: transactions.csv, transactions-late.csv, transactions-large.csv, risk-transactions.csv, user-events.csv, shop-events.csv, logs.jsonl, alerts.csv");
        }
        return new Input("samples/" + fileName, null, () -> Input.class.getResourceAsStream(resource));
    }

    /** An input that is not a file, e.g. a Kafka topic; {@code name} is what progress lines and help show. */
    public static Input from(String name, SourceFactory factory) {
        return new Input(name, null, null, Objects.requireNonNull(factory, "factory"));
    }

    /** Text given inline (tests); {@code name} decides the format by its extension and appears in dead letters. */
    public static Input text(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new Input(name, null, () -> new ByteArrayInputStream(bytes));
    }

    /**
     * A bounded source of this input's events; rows that do not decode or parse go to
     * {@code DeadLetter.TAG}. A CSV header must have every one of {@code columns} (the ones
     * {@code format} cannot do without), or the job fails at once naming expected and found columns.
     */
    public <T> Source<T> source(ZoneId zone, List<String> columns, RecordFormat<T> format) {
        if (factory != null) {
            return factory.source(zone, columns, format);
        }
        if (jsonLines) {
            return new JsonLinesSource<>(name, opener, zone, format);
        }
        CsvSource.Builder csv = file != null ? CsvSource.builder(file) : CsvSource.builder(name, opener);
        return csv.zone(zone).columns(columns).build(row -> format.parse(new CsvFields(row)));
    }

    @Override
    public String toString() {
        return name;
    }
}
