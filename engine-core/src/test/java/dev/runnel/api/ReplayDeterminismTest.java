package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.CsvSource;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's job over the same out-of-order file, read at two different speeds: one run lets
 * 200 ms of processing time pass every 37 rows, the other never. With periodic emission the late
 * rows (and so the window sums) depend on that; with per-record emission they do not.
 */
class ReplayDeterminismTest {
    public record Tx(String transactionId, long timestamp, double amount) {}

    private static final OutputTag<Tx> LATE = OutputTag.of("late", Tx.class);

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void writeOutOfOrderFile() throws IOException {
        // 3000 rows, 5 per second; one row in five is 0-4 s older than its neighbours (bound is 1 s)
        Random random = new Random(16);
        LocalDateTime start = LocalDateTime.of(2024, 5, 11, 10, 0);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<String> lines = new ArrayList<>(List.of("transaction_id,timestamp,amount"));
        for (int i = 0; i < 3_000; i++) {
            int behind = random.nextInt(5) == 0 ? random.nextInt(5) : 0;
            lines.add("acct-" + random.nextInt(7) + "," + format.format(start.plusSeconds(i / 5 - behind)) + "," + (1 + random.nextInt(900)));
        }
        file = dir.resolve("transactions.csv");
        Files.write(file, lines);
    }

    private record Run(List<String> windowSums, List<String> late) {}

    private static Run readmeJob(WatermarkStrategy<Tx> strategy, int rowsPer200Millis) {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock());
        Source<Tx> csv = CsvSource.builder(file).buildRecords(Tx.class, "yyyy-MM-dd HH:mm:ss");
        DataStream<Tx> txs = env.fromSource(new Paced<>(csv, rowsPer200Millis),
            strategy.withTimestampAssigner((tx, ts) -> tx.timestamp()), "transactions");
        DataStream<Tx> sums = txs.keyBy(Tx::transactionId)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
            .sideOutputLateData(LATE)
            .reduce((a, b) -> new Tx(a.transactionId(), a.timestamp(), a.amount() + b.amount()));
        CollectSink<Tx> sumSink = new CollectSink<>();
        CollectSink<Tx> lateSink = new CollectSink<>();
        sums.addSink(sumSink);
        sums.getSideOutput(LATE).addSink(lateSink);
        env.execute("replay");
        return new Run(sumSink.values().stream().map(Tx::toString).toList(), lateSink.values().stream().map(Tx::toString).toList());
    }

    @Test
    void perRecordEmissionGivesTheSameResultsWhateverTheReadingSpeed() {
        WatermarkStrategy<Tx> strategy = WatermarkStrategy.<Tx>forBoundedOutOfOrderness(Duration.ofSeconds(1)).withPerRecordEmission();

        Run slow = readmeJob(strategy, 37);
        Run fast = readmeJob(strategy, Integer.MAX_VALUE);

        assertThat(slow.late()).isNotEmpty();
        assertThat(fast).isEqualTo(slow);
    }

    @Test
    void periodicEmissionGivesResultsThatDependOnTheReadingSpeed() {
        // the control: the same two runs differ without per-record emission, so the test above can fail
        WatermarkStrategy<Tx> strategy = WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(1));

        Run slow = readmeJob(strategy, 37);
        Run fast = readmeJob(strategy, Integer.MAX_VALUE);

        assertThat(fast.late()).isEmpty(); // no processing time passed: the only watermark is the final one
        assertThat(slow.late()).isNotEmpty();
        assertThat(fast.windowSums()).isNotEqualTo(slow.windowSums());
    }

    /** A source that lets 200 ms of (manual) processing time pass every {@code rowsPer200Millis} rows. */
    private static final class Paced<T> implements Source<T> {
        private final Source<T> inner;
        private final int rowsPer200Millis;
        private long rows;
        private long now;

        Paced(Source<T> inner, int rowsPer200Millis) {
            this.inner = inner;
            this.rowsPer200Millis = rowsPer200Millis;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public void open(SourceContext context) throws Exception {
            inner.open(context);
        }

        @Override
        public void close() throws Exception {
            inner.close();
        }

        @Override
        public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
            return inner.poll(new SourceOutput<>() {
                @Override
                public void collect(T record) {
                    output.collect(record);
                    rowRead();
                }

                @Override
                public void collect(T record, long timestamp) {
                    output.collect(record, timestamp);
                    rowRead();
                }

                private void rowRead() {
                    if (++rows % rowsPer200Millis == 0) {
                        now += 200;
                        output.advanceProcessingTimeTo(now);
                    }
                }

                @Override
                public void emitWatermark(long watermark) {
                    output.emitWatermark(watermark);
                }

                @Override
                public void markIdle() {
                    output.markIdle();
                }

                @Override
                public void deadLetter(DeadLetter deadLetter) {
                    output.deadLetter(deadLetter);
                }

                @Override
                public <X> void output(OutputTag<X> tag, X value) {
                    output.output(tag, value);
                }

                @Override
                public void advanceProcessingTimeTo(long millis) {
                    output.advanceProcessingTimeTo(millis);
                }
            }, maxRecords);
        }
    }
}
