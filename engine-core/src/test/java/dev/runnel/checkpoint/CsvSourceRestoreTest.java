package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.CsvSource;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV job killed at random rows resumes at the checkpoint's byte offset: its committed records,
 * per-key totals and dead letters (with their line numbers) equal an uninterrupted run's. The file
 * has CRLF line ends, blank lines, multi-byte characters, malformed rows and rows that are not UTF-8.
 */
class CsvSourceRestoreTest {
    private static final int ROWS = 8_000;

    @TempDir
    Path dir;

    record Row(long id, String name, long key, long amount) implements java.io.Serializable {}

    private Path writeCsv() throws IOException {
        StringBuilder sb = new StringBuilder("id,name,key,amount\r\n");
        Random random = new Random(7);
        for (int i = 0; i < ROWS; i++) {
            if (i % 97 == 13) {
                sb.append(i).append(",broken row,").append("x\r\n");
            } else if (i % 331 == 7) {
                sb.append(i).append(",bad \u0001 byte,1,2\r\n"); // \u0001 becomes 0xFF, not UTF-8, below
            } else if (i % 211 == 5) {
                sb.append("\r\n");
            } else {
                sb.append(i).append(",naïve café ").append(i % 7 == 0 ? "日本" : "").append(',')
                    .append(random.nextInt(50)).append(',').append(random.nextInt(1_000)).append("\r\n");
            }
        }
        Path file = dir.resolve("rows.csv");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 1) {
                bytes[i] = (byte) 0xFF;
            }
        }
        Files.write(file, bytes);
        return file;
    }

    private static void run(Path csv, Path out, long crashAt, Path checkpoints, boolean restore) throws IOException {
        StreamEnvironment env = StreamEnvironment.create();
        if (checkpoints != null) {
            env.enableCheckpointing(Duration.ZERO, new CheckpointStorage(checkpoints, 2)).setTolerableCheckpointFailures(0);
            if (restore) {
                env.fromCheckpoint(checkpoints);
            }
        }
        DataStream<Row> rows = env.fromSource(CsvSource.builder(csv).build(r ->
                new Row(r.getLong("id"), r.get("name"), r.getLong("key"), r.getLong("amount"))),
            WatermarkStrategy.noWatermarks(), "rows");
        rows.getSideOutput(DeadLetter.TAG).map(DeadLetter::toString)
            .addSink(ExactlyOnceFileSink.lines(out.resolve("dead"), s -> s)).name("dead-sink");
        DataStream<Row> checked = rows.map(r -> {
            if (r.id() == crashAt) {
                throw new IllegalStateException("injected crash at row " + crashAt);
            }
            return r;
        }).name("crash");
        checked.map(Row::toString).addSink(ExactlyOnceFileSink.lines(out.resolve("rows"), s -> s)).name("rows-sink");
        checked.keyBy(Row::key).reduce((a, b) -> new Row(b.id(), b.name(), a.key(), a.amount() + b.amount())).name("totals")
            .map(r -> r.key() + "=" + r.amount())
            .addSink(ExactlyOnceFileSink.lines(out.resolve("totals"), s -> s)).name("totals-sink");
        env.execute("csv");
    }

    @Test
    void restoredCsvJobResumesAtTheByteOffsetWithTheSameLineNumbers() throws IOException {
        Path csv = writeCsv();
        Path expectedDir = dir.resolve("uninterrupted");
        run(csv, expectedDir, -1, null, false);
        Path out = dir.resolve("crashed");
        Path checkpoints = dir.resolve("checkpoints");
        long[] crashes = {1_234, 3_001, 3_002, 6_789};
        for (int i = 0; i < crashes.length; i++) {
            long crashAt = crashes[i];
            boolean restore = i > 0;
            assertThat(catchThrowable(() -> run(csv, out, crashAt, checkpoints, restore))).as("attempt %d, crash at row %d", i, crashAt)
                .isInstanceOf(JobExecutionException.class).hasStackTraceContaining("injected crash");
        }
        run(csv, out, -1, checkpoints, true);
        for (String part : List.of("rows", "dead", "totals")) {
            List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir.resolve(part));
            assertThat(expected).isNotEmpty();
            assertThat(ExactlyOnceFileSink.readCommitted(out.resolve(part))).as(part).containsExactlyElementsOf(expected);
        }
        List<String> dead = ExactlyOnceFileSink.readCommitted(out.resolve("dead"));
        assertThat(dead.get(0)).contains(":9: not valid UTF-8: byte 0xFF"); // row 7 is on line 9
        assertThat(dead.get(1)).contains(":15"); // row 13 is on line 15
    }
}
