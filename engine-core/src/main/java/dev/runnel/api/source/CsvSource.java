package dev.runnel.api.source;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Reads a CSV file (or text) line by line. A row that cannot be split or parsed becomes a
 * {@link DeadLetter} with its line number, raw text and reason, is counted, and the job goes on;
 * with {@code failFast(true)} the first bad row fails the job instead. Blank lines are skipped.
 *
 * <p>Resumable: a checkpoint stores the byte offset of the next line and the number of lines read,
 * so a restored job seeks straight to where it was (no re-reading) and its dead letters carry the
 * same line numbers as an uninterrupted run's.
 */
public final class CsvSource<T> implements Source<T> {
    private final String name;
    private final Callable<InputStream> opener;
    private final boolean header;
    private final char delimiter;
    private final ZoneId zone;
    private final boolean failFast;
    private final RowParser<T> parser;
    private LineReader reader;
    private CsvRow row;
    private long lineNumber;

    private CsvSource(Builder b, RowParser<T> parser) {
        this.name = b.name;
        this.opener = b.opener;
        this.header = b.header;
        this.delimiter = b.delimiter;
        this.zone = b.zone;
        this.failFast = b.failFast;
        this.parser = parser;
    }

    public static Builder builder(Path file) {
        Objects.requireNonNull(file, "file");
        return new Builder(file.toString(), () -> Files.newInputStream(file));
    }

    /** Reads CSV from a string, e.g. in tests; {@code name} appears in dead letters. */
    public static Builder builder(String name, String content) {
        Objects.requireNonNull(content, "content");
        return new Builder(name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public void open(SourceContext context) throws Exception {
        reader = new LineReader(opener.call());
        Map<String, Integer> columns = new HashMap<>();
        if (header) {
            String line = reader.readLine();
            lineNumber++;
            if (line == null) {
                throw new IOException(name + " is empty; expected a header line");
            }
            List<String> names = CsvLineSplitter.split(stripBom(line), delimiter);
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i).trim(), i);
            }
        }
        row = new CsvRow(columns, zone);
    }

    private static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws IOException {
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
                row.reset(CsvLineSplitter.split(line, delimiter), lineNumber, line);
                record = parser.parse(row);
                if (record == null) {
                    throw new IllegalArgumentException("row parser returned null");
                }
            } catch (Exception e) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                if (failFast) {
                    throw new IllegalArgumentException(name + ":" + lineNumber + ": malformed row (" + reason + "): " + line, e);
                }
                output.deadLetter(new DeadLetter(name, lineNumber, line, reason));
                continue;
            }
            output.collect(record);
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    @Override
    public void close() throws IOException {
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

    /** After {@link #open} (which read the header, if any): seeks to the stored offset. */
    @Override
    public void restorePosition(DataInput in) throws IOException {
        long line = in.readLong();
        long offset = in.readLong();
        if (offset < reader.offset()) {
            throw new IOException(name + ": restored byte offset " + offset + " lies inside the header");
        }
        reader.skip(offset - reader.offset());
        lineNumber = line;
    }

    public static final class Builder {
        private final String name;
        private final Callable<InputStream> opener;
        private boolean header = true;
        private char delimiter = ',';
        private ZoneId zone = ZoneId.of("UTC");
        private boolean failFast;

        private Builder(String name, Callable<InputStream> opener) {
            this.name = name;
            this.opener = opener;
        }

        public Builder header(boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /** Zone in which local date-times are interpreted (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Fail the job on the first malformed row instead of sending it to the dead letters. */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        public <T> CsvSource<T> build(RowParser<T> parser) {
            return new CsvSource<>(this, Objects.requireNonNull(parser, "parser"));
        }

        /**
         * Maps columns to the components of a record class by name (case and underscores ignored:
         * {@code transaction_id} fills {@code transactionId}). Supported component types: String,
         * int, long, double, boolean (and boxed), and for {@code long} components whose text is
         * not a number, a date-time in {@code dateTimePattern} converted to epoch milliseconds.
         */
        public <R extends Record> CsvSource<R> buildRecords(Class<R> type, String dateTimePattern) {
            if (!header) {
                throw new IllegalStateException("buildRecords maps columns by header name; the source needs header(true)");
            }
            return new CsvSource<>(this, new RecordRowParser<>(type, dateTimePattern));
        }
    }
}
