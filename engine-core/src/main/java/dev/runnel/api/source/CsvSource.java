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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Reads a CSV file (or text) line by line. A row that cannot be decoded, split or parsed becomes a
 * {@link DeadLetter} with its line number, the byte offset of the line, its raw text and the reason,
 * is counted, and the job goes on; with {@code failFast(true)} the first bad row fails the job
 * instead. Blank lines are skipped. Dead letters keep at most {@link DeadLetter#MAX_TEXT} characters
 * of the raw text and of the reason.
 *
 * <p>Rows are checked before they are parsed:
 * <ul>
 *   <li>Encoding: every line is decoded as UTF-8 on its own and strictly; a line with a byte that is
 *       not valid UTF-8 is a dead letter whose reason names the byte and its offset (the replacement
 *       character never enters a value).</li>
 *   <li>Width: a row whose number of fields differs from the header's (or from the declared
 *       {@link Builder#columns columns} of a file without a header) is a dead letter; an unquoted
 *       {@code 4,500.00} does not silently become {@code 4}.</li>
 * </ul>
 *
 * <p>The header is checked when the source opens: with {@link Builder#buildRecords} every record
 * component needs a column, with {@link Builder#columns} every declared name; otherwise the job fails
 * at once with a message naming the expected and found columns (and a separator or a missing header
 * it suspects). A file without a header line is declared with {@link Builder#withoutHeader()}.
 *
 * <p>Resumable: a checkpoint stores the byte offset of the next line and the number of lines read,
 * so a restored job seeks straight to where it was (no re-reading) and its dead letters carry the
 * same line numbers as an uninterrupted run's.
 */
public final class CsvSource<T> implements Source<T> {
    private final String name;
    private final Callable<? extends InputStream> opener;
    private final boolean header;
    private final List<String> declaredColumns;
    private final char delimiter;
    private final ZoneId zone;
    private final boolean failFast;
    private final RowParser<T> parser;
    private LineReader reader;
    private CsvRow row;
    private int width; // fields a row must have, or -1 if unknown (no header, no declared columns)
    private long lineNumber;

    private CsvSource(Builder b, RowParser<T> parser) {
        this.name = b.name;
        this.opener = b.opener;
        this.header = b.header;
        this.declaredColumns = b.columns;
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

    /** Reads CSV bytes from a stream that {@code opener} opens for each run (a classpath resource, say). */
    public static Builder builder(String name, Callable<? extends InputStream> opener) {
        return new Builder(Objects.requireNonNull(name, "name"), Objects.requireNonNull(opener, "opener"));
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public void open(SourceContext context) throws Exception {
        reader = new LineReader(opener.call());
        lineNumber = 0;
        RecordRowParser<?> records = parser instanceof RecordRowParser<?> r ? r : null;
        List<String> columns;
        if (header) {
            String line = readHeader();
            try {
                columns = trimmed(CsvLineSplitter.split(line, delimiter));
            } catch (IllegalArgumentException e) {
                throw new IOException(name + ": the header line cannot be split: " + e.getMessage() + " [" + DeadLetter.cap(line) + "]");
            }
            if (records != null) {
                CsvHeaderCheck.verify(name, line, columns, records.componentNames(), records.type(), delimiter);
            } else if (declaredColumns != null) {
                CsvHeaderCheck.verify(name, line, columns, declaredColumns, null, delimiter);
            }
        } else {
            columns = declaredColumns != null ? declaredColumns : records != null ? records.componentNames() : List.of();
        }
        if (records != null) {
            records.bind(columns);
        }
        width = columns.isEmpty() ? -1 : columns.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        row = new CsvRow(index, zone);
    }

    private String readHeader() throws IOException {
        String line;
        try {
            line = reader.readLine();
        } catch (MalformedLineException e) {
            throw new IOException(name + ": the header line is " + e.getMessage()
                + "; is the file in another encoding (Latin-1, UTF-16)? [" + e.escapedLine() + "]");
        }
        lineNumber++;
        if (line == null) {
            throw new IOException(name + " is empty; expected a header line");
        }
        return line;
    }

    private static List<String> trimmed(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(n.trim());
        }
        return out;
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws IOException {
        for (int n = 0; n < maxRecords; n++) {
            String line;
            try {
                line = reader.readLine();
            } catch (MalformedLineException e) {
                lineNumber++;
                reject(output, e.escapedLine(), e.getMessage(), e);
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
                List<String> fields = CsvLineSplitter.split(line, delimiter);
                if (width >= 0 && fields.size() != width) {
                    throw new IllegalArgumentException("row has " + fields.size() + " fields, "
                        + (header ? "the header has " : "the declared columns are ") + width);
                }
                row.reset(fields, lineNumber, line);
                record = parser.parse(row);
                if (record == null) {
                    throw new IllegalArgumentException("row parser returned null");
                }
            } catch (Exception e) {
                reject(output, line, e.getMessage() == null ? e.toString() : e.getMessage(), e);
                continue;
            }
            output.collect(record);
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    private void reject(SourceOutput<T> output, String raw, String reason, Exception cause) {
        DeadLetter dead = new DeadLetter(name, lineNumber, reader.lineOffset(), raw, reason);
        if (failFast) {
            throw new IllegalArgumentException(name + ":" + lineNumber + ": malformed row (" + dead.reason() + "): " + dead.raw(), cause);
        }
        output.deadLetter(dead);
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
        private final Callable<? extends InputStream> opener;
        private boolean header = true;
        private List<String> columns;
        private char delimiter = ',';
        private ZoneId zone = ZoneId.of("UTC");
        private boolean failFast;

        private Builder(String name, Callable<? extends InputStream> opener) {
            this.name = name;
            this.opener = opener;
        }

        /** Whether the first line is a header (default true); {@code header(false)} is {@link #withoutHeader()}. */
        public Builder header(boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        /**
         * The file has no header line: the first line is data. Columns are then named by
         * {@link #columns} or, with {@link #buildRecords}, by the record's components in declaration
         * order; without either, a row parser reads fields by index ({@code row.get(0)}).
         */
        public Builder withoutHeader() {
            return header(false);
        }

        /**
         * The columns the row parser reads. With a header, each must be in it (exact names), checked
         * when the source opens; without a header, they name the fields in order, and a row must
         * have exactly that many.
         */
        public Builder columns(String... names) {
            List<String> list = List.of(names);
            if (list.isEmpty() || list.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("columns(...) needs at least one name and no blank names: " + list);
            }
            this.columns = list;
            return this;
        }

        /** As {@link #columns(String...)}. */
        public Builder columns(List<String> names) {
            return columns(names.toArray(String[]::new));
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
         * {@code transaction_id} fills {@code transactionId}); every component needs a column in
         * the header, checked at open. {@link #withoutHeader() Without a header} the columns are the
         * components in declaration order. Supported component types: String, int, long, double,
         * boolean (and boxed), and for {@code long} components whose text is not a number, a
         * date-time in {@code dateTimePattern} converted to epoch milliseconds.
         */
        public <R extends Record> CsvSource<R> buildRecords(Class<R> type, String dateTimePattern) {
            return new CsvSource<>(this, new RecordRowParser<>(type, dateTimePattern));
        }
    }
}
