package dev.runnel.examples.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import java.io.BufferedReader;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * Reads JSON lines (one object per line) with Jackson. A line that is not a JSON object, or that the
 * format rejects, becomes a {@link DeadLetter} with its line number, raw text and reason, and the
 * run goes on, as with {@code CsvSource}. Blank lines are skipped. Position: lines read.
 */
public final class JsonLinesSource<T> implements Source<T> {
    private final String name;
    private final Callable<BufferedReader> opener;
    private final ZoneId zone;
    private final RecordFormat<T> format;
    private BufferedReader reader;
    private long lineNumber;

    public JsonLinesSource(String name, Callable<BufferedReader> opener, ZoneId zone, RecordFormat<T> format) {
        this.name = name;
        this.opener = opener;
        this.zone = zone;
        this.format = format;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public void open(SourceContext context) throws Exception {
        reader = opener.call();
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
        for (int n = 0; n < maxRecords; n++) {
            String line = reader.readLine();
            if (line == null) {
                return SourceStatus.END_OF_INPUT;
            }
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            T record;
            try {
                record = format.parse(new JsonFields(parseObject(line), zone));
            } catch (Exception e) {
                output.deadLetter(new DeadLetter(name, lineNumber, line, e.getMessage() == null ? e.toString() : e.getMessage()));
                continue;
            }
            output.collect(record);
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    private static JsonNode parseObject(String line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return node;
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    @Override
    public long position() {
        return lineNumber;
    }
}
