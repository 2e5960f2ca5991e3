package dev.runnel.compat.flink.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.typeinfo.Types;
import dev.runnel.compat.flink.configuration.MemorySize;
import dev.runnel.compat.flink.connector.datagen.DataGeneratorSource;
import dev.runnel.compat.flink.connector.datagen.RateLimiterStrategy;
import dev.runnel.compat.flink.connector.file.DefaultRollingPolicy;
import dev.runnel.compat.flink.connector.file.FileSink;
import dev.runnel.compat.flink.connector.file.FileSource;
import dev.runnel.compat.flink.connector.file.SimpleStringEncoder;
import dev.runnel.compat.flink.connector.file.TextLineInputFormat;
import dev.runnel.compat.flink.fs.Path;
import dev.runnel.compat.flink.util.Preconditions;
import dev.runnel.compat.flink.util.TimeUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's file and data-generator connectors as Runnel sources and sinks, with Flink's behaviour. */
class FlinkConnectorsTest {
    @TempDir java.nio.file.Path dir;

    @Test
    void fileSourceReadsFilesAndDirectoriesInPathOrderSkippingHiddenFiles() throws Exception {
        Files.createDirectories(dir.resolve("in/sub"));
        Files.writeString(dir.resolve("in/b.txt"), "b1\r\nb2\n");
        Files.writeString(dir.resolve("in/sub/a.txt"), "s1");
        Files.writeString(dir.resolve("in/.hidden"), "no");
        Files.writeString(dir.resolve("in/_SUCCESS"), "no");
        Files.writeString(dir.resolve("single.txt"), "x\n\ny\n");
        StreamEnvironment env = StreamEnvironment.create();

        List<String> lines = env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(dir.resolve("in").toString()), new Path("file://" + dir.resolve("single.txt"))).build(),
            WatermarkStrategy.noWatermarks(), "files").executeAndCollect();

        assertThat(lines).containsExactly("b1", "b2", "s1", "x", "", "y");
    }

    @Test
    void monitoredFileSourceIsUnboundedAndReadsFilesAddedLater() throws Exception {
        Files.writeString(dir.resolve("1.txt"), "first\n");
        StreamEnvironment env = StreamEnvironment.create();
        var source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString()))
            .monitorContinuously(Duration.ofMillis(20)).build();
        assertThat(source.isBounded()).isFalse();
        Thread writer = new Thread(() -> {
            try {
                Files.writeString(dir.resolve("2.txt"), "second\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();

        List<String> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "files").executeAndCollect("watch", 2);
        writer.join();

        assertThat(lines).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void fileSourceRefusesAPathThatDoesNotExistAndOtherFileSystems() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.resolve("nope").toString())).build(),
            WatermarkStrategy.noWatermarks(), "files").print();
        assertThatThrownBy(env::execute).hasStackTraceContaining("File source path " + dir.resolve("nope") + " does not exist");
        assertThatThrownBy(() -> new Path("hdfs://namenode/x").toLocalPath())
            .hasMessage("Runnel reads and writes local files only, not hdfs://namenode/x");
    }

    @Test
    void fileSinkRollsPartFilesBySizeAndPublishesThemUnderFlinksNames() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromData("aaaa", "bbbb", "cccc", "dddd", "eeee").sinkTo(FileSink.forRowFormat(new Path(dir.toString()), new SimpleStringEncoder<String>())
            .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(new MemorySize(10)).build()).build());
        env.execute();

        List<java.nio.file.Path> parts;
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            parts = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(p -> assertThat(dir.relativize(p).toString())
            .matches("\\d{4}-\\d{2}-\\d{2}--\\d{2}/part-[0-9a-f-]{36}-[0-2]"));
        StringBuilder all = new StringBuilder();
        for (java.nio.file.Path part : parts.stream().sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList()) {
            all.append(Files.readString(part, StandardCharsets.UTF_8)).append('|');
        }
        assertThat(all.toString()).isEqualTo("aaaa\nbbbb\n|cccc\ndddd\n|eeee\n|");
    }

    @Test
    void dataGeneratorSourceMakesCountRecordsAndHonoursItsRate() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        long start = System.nanoTime();
        List<String> records = env.fromSource(new DataGeneratorSource<>(i -> "r" + i, 5, RateLimiterStrategy.perSecond(50), Types.STRING),
            WatermarkStrategy.noWatermarks(), "gen").executeAndCollect();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(records).containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(elapsedMillis).as("five records at 50 a second need four intervals of 20 ms").isGreaterThanOrEqualTo(80);
        assertThat(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG).isBounded()).isFalse();
    }

    @Test
    void timeUtilsParsesFlinksDurationsAndPreconditionsFormatsFlinksMessages() {
        assertThat(TimeUtils.parseDuration("10 s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(TimeUtils.parseDuration("500")).isEqualTo(Duration.ofMillis(500));
        assertThat(TimeUtils.parseDuration("2min")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> TimeUtils.parseDuration("3 fortnights"))
            .hasMessage("Time interval unit label 'fortnights' does not match any of the recognized units");
        assertThatThrownBy(() -> Preconditions.checkArgument(false, "rate %s must be in [%s, %s]", 2.0, 0.0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("rate 2.0 must be in [0.0, %s]");
        assertThatThrownBy(() -> Preconditions.checkState(false, "a %s", 1, 2)).hasMessage("a 1 [2]");
    }
}
