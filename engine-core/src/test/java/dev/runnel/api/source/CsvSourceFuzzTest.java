package dev.runnel.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CsvSource over {@link FuzzedFile}s: random byte damage, invalid UTF-8, Latin-1 rows, cut rows and
 * files, CRLF, a byte order mark and 10 MB rows, one fixed seed per file. The source never fails;
 * {@link FuzzOracle} checks each row is a record or a dead letter exactly once, with its line and
 * byte offset; a run stopped at a random poll and restored from its snapshot gives the same output.
 * A failure names the seed; {@code -Dfuzz.seed=N} reruns that one seed.
 */
class CsvSourceFuzzTest {
    private static final int SEEDS = 300;
    private static final int ROWS = 120;
    private static final int HUGE_EVERY = 150; // seeds 0 and 150 carry two 10 MB rows
    private static final String[] NAMES = {"plain", "naïve café", "日本", "emoji 😀", "Ünïcödé", "a b"};

    record Row(long id, String name, long amount) {}

    private static String row(int i) {
        if (i < 0) {
            return "1000000," + "n".repeat(FuzzedFile.HUGE_LINE_BYTES) + ",1";
        }
        return i + "," + NAMES[i % NAMES.length] + " " + i + "," + (i * 37 % 1000);
    }

    /** What an untouched row must become, read independently of the source. */
    private static Row expected(String text) {
        String[] f = text.split(",");
        return new Row(Long.parseLong(f[0]), f[1].trim(), Long.parseLong(f[2]));
    }

    private static CsvSource<Row> source(FuzzedFile file) {
        byte[] bytes = file.bytes();
        return CsvSource.builder("fuzz.csv", () -> new ByteArrayInputStream(bytes)).buildRecords(Row.class, null);
    }

    private static FuzzedFile file(long seed) {
        return FuzzedFile.generate(seed, List.of("id,name,amount"), CsvSourceFuzzTest::row, ROWS, HUGE_EVERY);
    }

    @Test
    void damagedFilesNeverFailTheSourceAndEveryRowIsARecordOrADeadLetterOnce() {
        for (long seed : seeds()) {
            FuzzedFile file = file(seed);
            try {
                Random random = new Random(seed);
                int pollSize = 1 + random.nextInt(64);
                SourceHarness.Drained<Row> whole = SourceHarness.drain(source(file), pollSize);
                FuzzOracle.check(file, "fuzz.csv", whole, CsvSourceFuzzTest::expected);

                SourceHarness.Drained<Row> restored = SourceHarness.drainWithRestore(() -> source(file), pollSize, random.nextInt(8));
                FuzzOracle.checkSame(file, "after a restore", whole, restored);
            } catch (Exception e) {
                throw new AssertionError(file.damage() + ": the source failed: " + e, e);
            }
        }
    }

    @Test
    void damagedFilesInARealJobEndNormallyWithTheSameRecordsAndDeadLetters() throws Exception {
        for (long seed : new long[] {3, 4, 5, 6}) {
            FuzzedFile file = file(seed);
            SourceHarness.Drained<Row> expected = SourceHarness.drain(source(file), 100);
            StreamEnvironment env = StreamEnvironment.create();
            DataStream<Row> rows = env.fromSource(source(file), WatermarkStrategy.noWatermarks(), "fuzz");
            CollectSink<Row> records = new CollectSink<>();
            CollectSink<DeadLetter> dead = new CollectSink<>();
            rows.addSink(records);
            rows.getSideOutput(DeadLetter.TAG).addSink(dead);

            JobResult result = env.execute("fuzz");

            assertThat(records.values()).as(file.damage()).containsExactlyElementsOf(expected.records());
            assertThat(dead.values()).as(file.damage()).containsExactlyElementsOf(expected.deadLetters());
            assertThat(result.deadLetters()).as(file.damage()).isEqualTo(expected.deadLetters().size());
        }
    }

    private static long[] seeds() {
        String one = System.getProperty("fuzz.seed");
        if (one != null) {
            return new long[] {Long.parseLong(one)};
        }
        long[] seeds = new long[SEEDS];
        for (int i = 0; i < SEEDS; i++) {
            seeds[i] = i;
        }
        return seeds;
    }
}
