package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.sink.FileSink;
import dev.runnel.api.sink.PrintSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesAndSinksTest {

    record Row(String name, double value) {}

    @Test
    void fileSinkWritesCsvWithQuotingAndJsonLines(@TempDir Path dir) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Row> rows = env.fromElements(new Row("plain", 1.5), new Row("with, comma", 2.0), new Row("say \"hi\"", 3.0));
        rows.addSink(FileSink.csv(dir.resolve("out.csv"), List.of("name", "value"), r -> List.of(r.name(), r.value())));
        rows.addSink(FileSink.jsonLines(dir.resolve("out.jsonl"), r -> "{\"name\":\"" + r.name().replace("\"", "\\\"") + "\"}"));
        env.execute();
        assertThat(Files.readAllLines(dir.resolve("out.csv"))).containsExactly(
            "name,value", "plain,1.5", "\"with, comma\",2.0", "\"say \"\"hi\"\"\",3.0");
        assertThat(Files.readAllLines(dir.resolve("out.jsonl"))).containsExactly(
            "{\"name\":\"plain\"}", "{\"name\":\"with, comma\"}", "{\"name\":\"say \\\"hi\\\"\"}");
    }

    @Test
    void printSinkPrefixesEachRecord() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements("a", "b").addSink(new PrintSink<>("alerts", new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        env.execute();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("alerts> a", "alerts> b");
    }

    @Test
    void rateLimitedGeneratorEmitsOnlyWhatTheClockAllows() {
        ManualClock clock = new ManualClock(0);
        StreamEnvironment env = StreamEnvironment.create(clock);
        // 10 records per second: at t=0 one record, then one per 100 ms of the clock
        GeneratorSource<Long> gen = GeneratorSource.bounded(5, i -> i).withRate(10);
        env.fromSource(gen, WatermarkStrategy.noWatermarks(), "gen").addSink(v -> {}).name("sink");
        JobClient client = env.executeAsync("rate");
        org.assertj.core.api.Assertions.assertThat(client.await(Duration.ofMillis(200))).isEmpty();
        long seen = client.operatorMetrics().stream().filter(m -> m.operatorName().equals("sink")).mapToLong(m -> m.recordsIn).sum();
        assertThat(seen).isEqualTo(1);
        clock.setTo(450);
        JobResult result = null;
        for (int i = 0; i < 100 && result == null; i++) {
            result = client.await(Duration.ofMillis(50)).orElse(null);
        }
        assertThat(result).isNotNull();
        assertThat(result.recordsIn("sink")).isEqualTo(5);
    }

    @Test
    void idleSourceStopsHoldingBackTheUnionWatermark() {
        ManualClock clock = new ManualClock(0);
        StreamEnvironment env = StreamEnvironment.create(clock);
        // "quiet" sends one event and then nothing: after 1 s of processing time it is idle
        Source<String> quiet = new Source<>() {
            private boolean sent;

            public boolean isBounded() {
                return false;
            }

            public SourceStatus poll(SourceOutput<String> out, int max) {
                if (!sent) {
                    sent = true;
                    out.collect("quiet", 100);
                    return SourceStatus.MORE_AVAILABLE;
                }
                return clock.millis() >= 5_000 ? SourceStatus.END_OF_INPUT : SourceStatus.NOTHING_AVAILABLE;
            }
        };
        DataStream<String> a = env.fromSource(quiet,
            WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofSeconds(1)), "quiet");
        DataStream<String> b = env.fromSource(ScriptedSource.<String>create()
            .event("busy-1", 10_000).advanceProcessingTimeTo(200)
            .event("busy-2", 20_000).advanceProcessingTimeTo(1_400)
            .event("busy-3", 30_000).advanceProcessingTimeTo(1_600)
            .event("busy-4", 40_000).advanceProcessingTimeTo(5_000),
            WatermarkStrategy.forMonotonousTimestamps(), "busy");
        List<String> out = a.union(b).process(new ProcessFunction<String, String>() {
            @Override
            public void processElement(String v, Context ctx, Collector<String> c) {
                long wm = ctx.timerService().currentWatermark();
                c.collect(v + " wm=" + (wm == Long.MIN_VALUE ? "none" : Long.toString(wm)));
            }
        }).executeAndCollect();
        // quiet holds the union at 99 until it has been silent for 1 s of processing time, then busy alone counts
        assertThat(out).containsExactly("quiet wm=none", "busy-1 wm=none", "busy-2 wm=99", "busy-3 wm=19999", "busy-4 wm=29999");
    }

    @Test
    void latencyMarkersReachTheSinkHistogram() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(GeneratorSource.bounded(3_000_000, i -> i), WatermarkStrategy.noWatermarks(), "gen")
            .map(i -> i + 1).addSink(v -> {});
        JobResult result = env.execute("latency");
        assertThat(result.latencyNanos().getTotalCount()).isPositive();
    }
}
