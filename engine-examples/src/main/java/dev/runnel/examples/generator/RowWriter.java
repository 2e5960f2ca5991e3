package dev.runnel.examples.generator;

import dev.runnel.examples.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Writes rows as CSV (with a header) or JSON lines (with Jackson), and slips in malformed lines at
 * the configured rate, remembering their line numbers so tests can check the dead letters.
 */
final class RowWriter implements Consumer<Row> {
    private final Writer out;
    private final List<String> columns;
    private final boolean json;
    private final double malformedRate;
    private final Random random;
    private final List<Long> malformedLines = new ArrayList<>();
    private long line;
    private long rows;

    RowWriter(Writer out, List<String> columns, boolean json, double malformedRate, Random random) {
        this.out = out;
        this.columns = columns;
        this.json = json;
        this.malformedRate = malformedRate;
        this.random = random;
        if (!json) {
            writeLine(String.join(",", columns));
        }
    }

    @Override
    public void accept(Row row) {
        String text = format(row.fields());
        if (!row.planted() && malformedRate > 0 && random.nextDouble() < malformedRate) {
            writeLine(corrupt(text));
            malformedLines.add(line);
        }
        writeLine(text);
        rows++;
    }

    private String format(Map<String, Object> fields) {
        if (json) {
            return Json.write(fields);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object v = fields.get(columns.get(i));
            String s = v == null ? "" : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** A believable broken line: truncated, a field that is not a number or date, or noise. */
    private String corrupt(String text) {
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, Math.max(1, text.length() / 2));
            case 1 -> json ? text.replaceFirst("\"timestamp\":(\"[^\"]*\"|[0-9.]+)", "\"timestamp\":\"yesterday\"")
                           : text.replaceFirst("[0-9]{4}-[0-9]{2}-[0-9]{2} ", "not-a-date ");
            default -> json ? "<html>502 Bad Gateway</html>" : "### corrupted record ###";
        };
    }

    private void writeLine(String text) {
        try {
            out.write(text);
            out.write('\n');
            line++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Long> malformedLines() {
        return malformedLines;
    }

    long rows() {
        return rows;
    }
}
