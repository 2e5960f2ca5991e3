package dev.runnel.examples.io;

import dev.runnel.api.source.CsvSource;
import dev.runnel.api.source.Source;
import dev.runnel.examples.cli.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Where an example reads its events: a file, or a sample bundled in the jar. Files ending in
 * {@code .jsonl}, {@code .ndjson} or {@code .json} are JSON lines; anything else is CSV with a header.
 */
public final class Input {
    private final String name;
    private final Callable<BufferedReader> opener;
    private final Path file;
    private final boolean jsonLines;

    private Input(String name, Path file, Callable<BufferedReader> opener) {
        this.name = name;
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
        return new Input(file.toString(), file, () -> Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    /** A sample bundled under {@code /samples/} on the classpath, e.g. {@code transactions.csv}. */
    public static Input sample(String fileName) {
        String resource = "/samples/" + fileName;
        if (Input.class.getResource(resource) == null) {
            throw new UsageException("No bundled sample " + resource
                + "; samples: transactions.csv, transactions-late.csv, transactions-large.csv, risk-transactions.csv, user-events.csv, shop-events.csv, logs.jsonl, alerts.csv");
        }
        return new Input("samples/" + fileName, null, () -> {
            InputStream in = Input.class.getResourceAsStream(resource);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        });
    }

    /** Text given inline (tests); {@code name} decides the format by its extension and appears in dead letters. */
    public static Input text(String name, String content) {
        return new Input(name, null, () -> new BufferedReader(new java.io.StringReader(content)));
    }

    /** A bounded source of this input's events; rows that do not parse go to {@code DeadLetter.TAG}. */
    public <T> Source<T> source(ZoneId zone, RecordFormat<T> format) {
        if (jsonLines) {
            return new JsonLinesSource<>(name, opener, zone, format);
        }
        CsvSource.Builder csv = file != null ? CsvSource.builder(file) : CsvSource.builder(name, readAll());
        return csv.zone(zone).build(row -> format.parse(new CsvFields(row)));
    }

    private String readAll() {
        // CsvSource reads from a Path or a String; a bundled sample is small enough to read at once,
        // a file is handed over as a path so that millions of rows stream.
        try (BufferedReader reader = opener.call()) {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) > 0; ) {
                sb.append(buffer, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + name, e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
