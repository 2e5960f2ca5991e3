package dev.runnel.examples.io;

import dev.runnel.api.source.FuzzOracle;
import dev.runnel.api.source.FuzzedFile;
import dev.runnel.api.source.SourceHarness;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * JsonLinesSource over {@link FuzzedFile}s (random byte damage, invalid UTF-8, Latin-1 rows, cut
 * rows and files, junk after the object, CRLF, a byte order mark, 10 MB rows), one fixed seed per
 * file. The source never fails; every row is a record or a dead letter with its line and byte offset
 * exactly once, and a run restored from a snapshot at a random poll gives the same output. A failure
 * names the seed; {@code -Dfuzz.seed=N} reruns that one seed.
 */
class JsonLinesSourceFuzzTest {
    private static final int SEEDS = 300;
    private static final int ROWS = 120;
    private static final int HUGE_EVERY = 150; // seeds 0 and 150 carry two 10 MB rows
    private static final String[] NAMES = {"plain", "naïve café", "日本", "emoji 😀", "Ünïcödé", "a b"};
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    record Row(long id, String name, long amount) {}

    private static Row row(long i) {
        return i == 1_000_000 ? new Row(i, "n".repeat(FuzzedFile.HUGE_LINE_BYTES), 1)
            : new Row(i, NAMES[(int) (i % NAMES.length)] + " " + i, i * 37 % 1000);
    }

    private static String line(int i) {
        Row r = row(i < 0 ? 1_000_000 : i);
        return "{\"id\":" + r.id() + ",\"name\":\"" + r.name() + "\",\"amount\":" + r.amount() + "}";
    }

    /** What an untouched line must become: the row it was written from. */
    private static Row expected(String text) {
        Matcher m = ID.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + text);
        }
        return row(Long.parseLong(m.group(1)));
    }

    private static JsonLinesSource<Row> source(FuzzedFile file) {
        byte[] bytes = file.bytes();
        return new JsonLinesSource<>("fuzz.jsonl", () -> new ByteArrayInputStream(bytes), ZoneId.of("UTC"),
            f -> new Row(f.longValue("id"), f.text("name"), f.longValue("amount")));
    }

    @Test
    void damagedFilesNeverFailTheSourceAndEveryLineIsARecordOrADeadLetterOnce() {
        String one = System.getProperty("fuzz.seed");
        long first = one == null ? 0 : Long.parseLong(one);
        long last = one == null ? SEEDS - 1 : first;
        for (long seed = first; seed <= last; seed++) {
            FuzzedFile file = FuzzedFile.generate(seed, List.of(), JsonLinesSourceFuzzTest::line, ROWS, HUGE_EVERY);
            try {
                Random random = new Random(seed);
                int pollSize = 1 + random.nextInt(64);
                SourceHarness.Drained<Row> whole = SourceHarness.drain(source(file), pollSize);
                FuzzOracle.check(file, "fuzz.jsonl", whole, JsonLinesSourceFuzzTest::expected);

                SourceHarness.Drained<Row> restored = SourceHarness.drainWithRestore(() -> source(file), pollSize, random.nextInt(8));
                FuzzOracle.checkSame(file, "after a restore", whole, restored);
            } catch (Exception e) {
                throw new AssertionError(file.damage() + ": the source failed: " + e, e);
            }
        }
    }
}
