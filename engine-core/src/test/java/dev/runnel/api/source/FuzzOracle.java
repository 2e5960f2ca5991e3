package dev.runnel.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a line source must have made of a {@link FuzzedFile}, judged from the file alone: every row
 * accounted for exactly once (a record, a dead letter, or skipped because blank), every untouched
 * row a record equal to what its original text says, every row that is not valid UTF-8 a dead
 * letter, every dead letter at a real row's line number and byte offset, and no dead letter larger
 * than the documented cap. Failures name the seed and the damage done.
 */
public final class FuzzOracle {
    private FuzzOracle() {}

    public static <T> void check(FuzzedFile file, String sourceName, SourceHarness.Drained<T> out, Function<String, T> expectedOf) {
        String context = file.damage();
        Map<Long, FuzzedFile.Line> rowsByNumber = new HashMap<>();
        int nonBlank = 0;
        for (FuzzedFile.Line row : file.rows()) {
            rowsByNumber.put(row.number(), row);
            if (!row.blank()) {
                nonBlank++;
            }
        }
        Set<Long> deadLines = new HashSet<>();
        for (DeadLetter dead : out.deadLetters()) {
            FuzzedFile.Line row = rowsByNumber.get(dead.line());
            assertThat(row).as("%s: dead letter %s is at a row of the file", context, abbreviate(dead)).isNotNull();
            assertThat(deadLines.add(dead.line())).as("%s: one dead letter per line, line %d", context, dead.line()).isTrue();
            assertThat(dead.source()).as(context).isEqualTo(sourceName);
            assertThat(dead.offset()).as("%s: byte offset of dead line %d", context, dead.line()).isEqualTo(row.offset());
            assertThat(row.original()).as("%s: untouched line %d is not a dead letter: %s", context, dead.line(), abbreviate(dead)).isNull();
            assertThat(row.blank()).as("%s: blank line %d is skipped", context, dead.line()).isFalse();
            assertThat(dead.raw().length()).as("%s: raw text is capped", context).isLessThanOrEqualTo(DeadLetter.MAX_TEXT + 40);
            assertThat(dead.reason().length()).as("%s: reason is capped", context).isLessThanOrEqualTo(DeadLetter.MAX_TEXT + 40);
            if (!row.validUtf8()) {
                assertThat(dead.reason()).as(context).startsWith("not valid UTF-8: byte 0x");
                assertThat(dead.raw()).as("%s: raw text of line %d has no replacement character", context, dead.line())
                    .doesNotContain("\uFFFD");
                boolean cut = dead.raw().endsWith("...") || dead.raw().endsWith(" more chars)"); // the bad byte may lie past the cap
                assertThat(cut || dead.raw().contains("\\x")).as("%s: raw text of line %d shows bad bytes as \\xNN: %s",
                    context, dead.line(), abbreviate(dead.raw())).isTrue();
            }
        }
        for (FuzzedFile.Line row : file.rows()) {
            if (!row.validUtf8()) {
                assertThat(deadLines).as("%s: line %d (offset %d) is not valid UTF-8, so it is a dead letter", context, row.number(), row.offset())
                    .contains(row.number());
            }
        }
        assertThat(out.records().size() + out.deadLetters().size())
            .as("%s: records + dead letters = non-blank rows", context).isEqualTo(nonBlank);
        Map<T, Integer> emitted = new HashMap<>();
        for (T record : out.records()) {
            emitted.merge(record, 1, Integer::sum);
            assertThat(String.valueOf(record)).as("%s: no replacement character in a record", context).doesNotContain("\uFFFD");
        }
        Map<T, Integer> expected = new HashMap<>();
        for (FuzzedFile.Line row : file.rows()) {
            if (row.original() != null && !row.original().isBlank()) {
                expected.merge(expectedOf.apply(row.original()), 1, Integer::sum);
            }
        }
        for (Map.Entry<T, Integer> e : expected.entrySet()) {
            assertThat(emitted.getOrDefault(e.getKey(), 0)).as("%s: times the untouched row %s was emitted", context,
                abbreviate(e.getKey())).isGreaterThanOrEqualTo(e.getValue());
        }
    }

    /** A restored run gives exactly what an uninterrupted one gave. */
    public static <T> void checkSame(FuzzedFile file, String what, SourceHarness.Drained<T> expected, SourceHarness.Drained<T> actual) {
        assertThat(actual.deadLetters()).as("%s: dead letters %s", file.damage(), what).containsExactlyElementsOf(expected.deadLetters());
        assertThat(actual.records().size()).as("%s: records %s", file.damage(), what).isEqualTo(expected.records().size());
        assertThat(actual.records().equals(expected.records())).as("%s: records %s", file.damage(), what).isTrue();
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
