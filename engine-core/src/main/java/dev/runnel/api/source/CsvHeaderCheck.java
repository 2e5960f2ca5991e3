package dev.runnel.api.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a CSV header against the columns a source's parser needs, at open, so that a file with
 * another separator, without a header, or with other column names fails with one message instead of
 * turning every row into a dead letter.
 */
final class CsvHeaderCheck {
    private static final char[] SEPARATORS = {',', ';', '\t', '|'};

    private CsvHeaderCheck() {}

    /**
     * Fails unless every expected column is in {@code found}. {@code record} is the record class
     * whose components are expected (names compared with case, '_', '-' and spaces ignored), or null
     * when the expected names were declared with {@code columns(...)} (compared exactly).
     */
    static void verify(String source, String headerLine, List<String> found, List<String> expected,
                       Class<?> record, char delimiter) {
        List<String> missing = new ArrayList<>();
        for (String column : expected) {
            boolean present = record != null ? RecordRowParser.find(found, column) >= 0 : found.contains(column);
            if (!present) {
                missing.add(column);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(source).append(": the header does not match: expected columns ")
            .append(expected);
        if (record != null) {
            message.append(" (the components of ").append(record.getSimpleName()).append("; case, '_', '-' and spaces ignored)");
        }
        message.append(", found ").append(found).append("; missing ").append(String.join(", ", missing)).append('.');
        char separator = likelySeparator(headerLine, found, delimiter);
        if (separator != 0) {
            message.append(" The header looks ").append(show(separator)).append("-separated, but the source splits on ")
                .append(show(delimiter)).append(": set delimiter(").append(show(separator)).append(").");
        } else if (found.stream().anyMatch(CsvHeaderCheck::looksLikeData)) {
            message.append(" The first line looks like data: if the file has no header line, build the source withoutHeader().");
        }
        throw new IllegalArgumentException(message.toString());
    }

    /** Another separator that splits the header into more fields than the configured one did, or 0. */
    private static char likelySeparator(String headerLine, List<String> found, char delimiter) {
        char best = 0;
        int bestFields = found.size();
        for (char c : SEPARATORS) {
            if (c == delimiter) {
                continue;
            }
            int fields = 1;
            for (int i = 0; i < headerLine.length(); i++) {
                if (headerLine.charAt(i) == c) {
                    fields++;
                }
            }
            if (fields > bestFields) {
                best = c;
                bestFields = fields;
            }
        }
        return best;
    }

    private static boolean looksLikeData(String name) {
        return name.isEmpty() || Character.isDigit(name.charAt(0))
            || (name.length() > 1 && (name.charAt(0) == '-' || name.charAt(0) == '+') && Character.isDigit(name.charAt(1)));
    }

    private static String show(char c) {
        return c == '\t' ? "'\\t'" : "'" + c + "'";
    }
}
