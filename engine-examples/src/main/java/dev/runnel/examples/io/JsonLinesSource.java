package dev.runnel.examples.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.LineReader;
import dev.runnel.api.source.MalformedLineException;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.concurrent.Callable;

/**
 * Reads JSON lines (one object per line) with Jackson. A line that is not valid UTF-8, not exactly
 * one JSON object (trailing content and repeated keys count as broken), or that the format rejects,
 * becomes a {@link DeadLetter} with its line number, the byte offset of the line, its raw text
 * (undecodable bytes as {@code \xNN}) and the reason, and the run goes on, as with
 * {@code CsvSource}. Dead letters keep at most {@link DeadLetter#MAX_TEXT} characters of raw text
 * and of reason. Blank lines are skipped.
 *
 * <p>Resumable: a checkpoint stores the number of lines read and the byte offset of the next line;
 * a restore seeks there.
 */
public final class JsonLinesSource<T> implements Source<T> {
    /** Strict: {@code {"a":1} 2} or {@code {"a":1,"a":2}} would otherwise be read as one object. */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String name;
    private final Callable<? extends InputStream> opener;
    private final ZoneId zone;
    private final RecordFormat<T> format;
    private LineReader reader;
    private long lineNumber;

    public JsonLinesSource(String name, Callable<? extends InputStream> opener, ZoneId zone, RecordFormat<T> format) {
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
        reader = new LineReader(opener.call());
        lineNumber = 0;
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
        for (int n = 0; n < maxRecords; n++) {
            String line;
            try {
                line = reader.readLine();
            } catch (MalformedLineException e) {
                lineNumber++;
                output.deadLetter(new DeadLetter(name, lineNumber, e.lineOffset(), e.escapedLine(), e.getMessage()));
                continue;
            }
            if (line == null) {
                return SourceStatus.END_OF_INPUT;
            }
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            T record;
            try {
                record = parse(line, zone, format);
            } catch (Exception e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                output.deadLetter(new DeadLetter(name, lineNumber, reader.lineOffset(), line, reason));
                continue;
            }
            output.collect(record);
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    /**
     * One line (or Kafka record) as {@code format}'s record, by the rules of this source: exactly one JSON
     * object; whatever does not parse throws with the reason.
     */
    public static <T> T parse(String line, ZoneId zone, RecordFormat<T> format) throws Exception {
        return format.parse(new JsonFields(parseObject(line), zone));
    }

    private static JsonNode parseObject(String line) {
        JsonNode node;
        try {
            node = STRICT.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
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

    /** Lines read so far (the line number of the last one). */
    @Override
    public long position() {
        return lineNumber;
    }

    @Override
    public void snapshotPosition(DataOutput out) throws IOException {
        out.writeLong(lineNumber);
        out.writeLong(reader.offset());
    }

    /** After {@link #open}: seeks to the stored byte offset. */
    @Override
    public void restorePosition(DataInput in) throws IOException {
        long line = in.readLong();
        long offset = in.readLong();
        reader.skip(offset - reader.offset());
        lineNumber = line;
    }
}
