package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.CsvSource;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    record Tx(String id, long timestamp, double amount) {}

    record TxRow(String transactionId, long timestamp, double amount) {}

    private static final String CSV = """
        transaction_id,timestamp,amount
        tx1,2024-05-11 10:00:00,3200
        tx2,not-a-time,10
        tx3,2024-05-11 10:00:09
        tx4,2024-05-11 10:00:10,abc

        tx5,2024-05-11 10:00:11,9000
        """;

    @Test
    void malformedCsvRowsGoToDeadLettersAndTheJobContinues() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Tx> txs = env.fromSource(
            CsvSource.builder("sample.csv", CSV).build(row -> new Tx(row.get("transaction_id"),
                row.getEpochMillis("timestamp", "yyyy-MM-dd HH:mm:ss"), row.getDouble("amount"))),
            WatermarkStrategy.<Tx>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.timestamp()), "csv");
        CollectSink<DeadLetter> dead = new CollectSink<>();
        txs.getSideOutput(DeadLetter.TAG).addSink(dead);
        CollectSink<Tx> good = new CollectSink<>();
        txs.addSink(good);
        JobResult result = env.execute("csv");
        assertThat(good.values()).extracting(Tx::id).containsExactly("tx1", "tx5");
        assertThat(good.timestamped().get(0).timestamp()).isEqualTo(1715421600000L);
        assertThat(dead.values()).containsExactly(
            // line, byte offset of the line (header 32 bytes, rows 29, 18 and 24), raw text, reason
            new DeadLetter("sample.csv", 3, 61, "tx2,not-a-time,10", "column 'timestamp': 'not-a-time' is not a date-time like 'yyyy-MM-dd HH:mm:ss'"),
            new DeadLetter("sample.csv", 4, 79, "tx3,2024-05-11 10:00:09", "row has 2 fields, the header has 3"),
            new DeadLetter("sample.csv", 5, 103, "tx4,2024-05-11 10:00:10,abc", "column 'amount': 'abc' is not a number"));
        assertThat(result.deadLetters()).isEqualTo(3);
    }

    @Test
    void csvRecordMappingByHeaderName() {
        StreamEnvironment env = StreamEnvironment.create();
        List<TxRow> out = env.fromSource(CsvSource.builder("s", "transaction_id,timestamp,amount\ntx1,2024-05-11 10:00:00,3200\n")
            .buildRecords(TxRow.class, "yyyy-MM-dd HH:mm:ss"), WatermarkStrategy.noWatermarks(), "csv").executeAndCollect();
        assertThat(out).containsExactly(new TxRow("tx1", 1715421600000L, 3200.0));
    }

    @Test
    void failFastCsvFailsTheJobWithLineNumber() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(CsvSource.builder("sample.csv", CSV).failFast(true).buildRecords(TxRow.class, "yyyy-MM-dd HH:mm:ss"),
            WatermarkStrategy.noWatermarks(), "csv").addSink(v -> {});
        assertThatThrownBy(() -> env.execute("ff"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("sample.csv:3: malformed row");
    }

    @Test
    void userFunctionFailureNamesOperatorKeyTimestampAndRecord() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(ScriptedSource.<Tx>create().event(new Tx("ok", 1, 1.0), 5).event(new Tx("bad", 2, -1.0), 42),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Tx::id)
            .reduce((a, b) -> a)
            .map((MapFunction<Tx, Double>) tx -> {
                if (tx.amount() < 0) {
                    throw new IllegalArgumentException("negative amount");
                }
                return tx.amount();
            }).name("check-amount")
            .addSink(v -> {});
        assertThatThrownBy(() -> env.execute("fails"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("operator 'check-amount'")
            .hasMessageContaining("timestamp=42")
            .hasMessageContaining("record=Tx[id=bad, timestamp=2, amount=-1.0]")
            .hasMessageContaining("negative amount")
            .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyedFunctionFailureIncludesTheKey() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(ScriptedSource.<Tx>create().event(new Tx("acct-7", 1, 1.0), 9), WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Tx::id)
            .reduce((a, b) -> a).name("r")
            .keyBy(Tx::id)
            .reduce((a, b) -> {
                throw new IllegalStateException("boom");
            }).name("second")
            .addSink(v -> {});
        // a reduce only calls the function from the second record on: feed two
        StreamEnvironment env2 = StreamEnvironment.create();
        env2.fromSource(ScriptedSource.<Tx>create().event(new Tx("acct-7", 1, 1.0), 9).event(new Tx("acct-7", 2, 2.0), 10),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Tx::id)
            .reduce((a, b) -> {
                throw new IllegalStateException("boom");
            }).name("sum")
            .addSink(v -> {});
        assertThatThrownBy(() -> env2.execute("fails"))
            .hasMessageContaining("operator 'sum'")
            .hasMessageContaining("key=acct-7")
            .hasMessageContaining("timestamp=10");
    }

    @Test
    void nullKeyFailsNamingTheOperator() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements("a", "b").keyBy(s -> s.equals("b") ? null : s).reduce((a, b) -> a).name("by-name").addSink(v -> {});
        assertThatThrownBy(() -> env.execute("null-key"))
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("Key selector of operator 'by-name' returned null for record b");
    }

    @Test
    void keyedStateOnNonKeyedStreamSaysToCallKeyBy() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(1).map(new StatefulMap()).name("stateful").addSink(v -> {});
        assertThatThrownBy(() -> env.execute("no-key"))
            .hasMessageContaining("Keyed state 'seen' requested in operator 'stateful'")
            .hasMessageContaining("Call keyBy(...)");
    }

    static final class StatefulMap implements MapFunction<Integer, Integer>, dev.runnel.api.functions.RichFunction {
        @Override
        public void open(RuntimeContext rc) {
            rc.getState(new ValueStateDescriptor<>("seen", Integer.class));
        }

        @Override
        public Integer map(Integer v) {
            return v;
        }
    }

    @Test
    void invalidConfigurationIsRejectedWhenDefined() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThatThrownBy(() -> env.setParallelism(0)).hasMessageContaining("parallelism must be at least 1");
        assertThatThrownBy(() -> env.setAutoWatermarkInterval(Duration.ofMillis(-1))).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(-1))).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> WatermarkStrategy.noWatermarks().withIdleness(Duration.ZERO)).hasMessageContaining("must be positive");
    }

    @Test
    void duplicateUidsAreRejected() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(1).map(i -> i).uid("step").map(i -> i).uid("step").addSink(v -> {});
        assertThatThrownBy(() -> env.execute("dup")).hasMessageContaining("uid 'step' is used twice");
    }

    @Test
    void duplicateNamesAreAllowedAsInFlink() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Integer> a = env.fromSource(dev.runnel.api.source.ScriptedSource.<Integer>create().event(1, 1),
            dev.runnel.api.time.WatermarkStrategy.noWatermarks(), "in");
        DataStream<Integer> b = env.fromSource(dev.runnel.api.source.ScriptedSource.<Integer>create().event(2, 2),
            dev.runnel.api.time.WatermarkStrategy.noWatermarks(), "in");
        a.map(i -> i).name("step").print();
        b.map(i -> i).name("step").print();
        JobResult result = env.execute("dup");
        assertThat(result.describe()).contains("step").contains("step-2").contains("in-2").contains("Print-2");
    }

    @Test
    void jobWithoutSinkIsRejected() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(1).map(i -> i);
        assertThatThrownBy(() -> env.execute("nothing")).hasMessageContaining("has no sink");
    }
}
