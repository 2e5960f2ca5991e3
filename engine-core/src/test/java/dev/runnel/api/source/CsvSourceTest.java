package dev.runnel.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What CsvSource does with bad bytes, rows of the wrong width and headers that do not fit. */
class CsvSourceTest {
    record Tx(String transactionId, long timestamp, double amount) {}

    record Read<T>(List<T> records, List<DeadLetter> deadLetters) {}

    private static <T> Read<T> run(CsvSource<T> source) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<T> stream = env.fromSource(source, WatermarkStrategy.noWatermarks(), "csv");
        CollectSink<T> records = new CollectSink<>();
        CollectSink<DeadLetter> dead = new CollectSink<>();
        stream.addSink(records);
        stream.getSideOutput(DeadLetter.TAG).addSink(dead);
        env.execute("csv");
        return new Read<>(records.values(), dead.values());
    }

    private static CsvSource.Builder bytes(String name, byte[] content) {
        return CsvSource.builder(name, () -> new ByteArrayInputStream(content));
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aByteThatIsNotUtf8IsADeadLetterWithLineAndOffsetNotAReplacedCharacterInTheKey() {
        // "tx\xE9" in Latin-1: the key used to be read as "tx\uFFFD"
        byte[] csv = latin1("transaction_id,timestamp,amount\n"      // bytes 0..31
            + "tx\u00e9,2024-05-11 10:00:00,100\n"                   // line 2 at byte 32, the bad byte at 34
            + "tx2,2024-05-11 10:00:01,200\n");

        Read<Tx> read = run(bytes("tx.csv", csv).buildRecords(Tx.class, "yyyy-MM-dd HH:mm:ss"));

        assertThat(read.records()).extracting(Tx::transactionId).containsExactly("tx2");
        assertThat(read.deadLetters()).containsExactly(new DeadLetter("tx.csv", 2, 32,
            "tx\\xE9,2024-05-11 10:00:00,100", "not valid UTF-8: byte 0xE9 at offset 34 (byte 3 of the line)"));
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderIsADeadLetterNotAShiftedAmount() {
        String csv = """
            transaction_id,timestamp,amount
            tx1,2024-05-11 10:00:00,4,500.00
            tx2,2024-05-11 10:00:01,4500.00
            """;

        Read<Tx> read = run(CsvSource.builder("tx.csv", csv).buildRecords(Tx.class, "yyyy-MM-dd HH:mm:ss"));

        assertThat(read.records()).containsExactly(new Tx("tx2", 1715421601000L, 4500.00));
        assertThat(read.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.offset()).isEqualTo(32);
            assertThat(d.reason()).isEqualTo("row has 4 fields, the header has 3");
        });
    }

    @Test
    void aRowWithFewerFieldsThanDeclaredColumnsOfAHeaderlessFileIsADeadLetter() {
        String csv = "tx1,2024-05-11 10:00:00\ntx2,2024-05-11 10:00:01,7\n";

        Read<String> read = run(CsvSource.builder("tx.csv", csv).withoutHeader().columns("id", "time", "amount")
            .build(row -> row.get("id") + "=" + row.get("amount")));

        assertThat(read.records()).containsExactly("tx2=7");
        assertThat(read.deadLetters()).extracting(DeadLetter::line, DeadLetter::reason)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "row has 2 fields, the declared columns are 3"));
    }

    @Test
    void aSemicolonSeparatedFileFailsAtOpenNamingExpectedAndFoundColumnsAndTheSeparator() {
        String csv = "transaction_id;timestamp;amount\ntx1;2024-05-11 10:00:00;100\n";

        assertThatThrownBy(() -> run(CsvSource.builder("tx.csv", csv).buildRecords(Tx.class, "yyyy-MM-dd HH:mm:ss")))
            .isInstanceOf(JobExecutionException.class)
            .hasStackTraceContaining("tx.csv: the header does not match: expected columns [transactionId, timestamp, amount]"
                + " (the components of Tx; case, '_', '-' and spaces ignored), found [transaction_id;timestamp;amount]")
            .hasStackTraceContaining("The header looks ';'-separated, but the source splits on ',': set delimiter(';').");
    }

    @Test
    void aFileWithoutHeaderFailsAtOpenInsteadOfEatingTheFirstRow() {
        String csv = "tx1,2024-05-11 10:00:00,100\ntx2,2024-05-11 10:00:01,200\n";

        assertThatThrownBy(() -> run(CsvSource.builder("tx.csv", csv).buildRecords(Tx.class, "yyyy-MM-dd HH:mm:ss")))
            .hasStackTraceContaining("found [tx1, 2024-05-11 10:00:00, 100]")
            .hasStackTraceContaining("if the file has no header line, build the source withoutHeader()");
    }

    @Test
    void aHeaderlessFileDeclaredWithoutHeaderReadsEveryRowIntoRecordComponentsInOrder() {
        String csv = "tx1,2024-05-11 10:00:00,100\ntx2,2024-05-11 10:00:01,200\n";

        Read<Tx> read = run(CsvSource.builder("tx.csv", csv).withoutHeader().buildRecords(Tx.class, "yyyy-MM-dd HH:mm:ss"));

        assertThat(read.records()).containsExactly(new Tx("tx1", 1715421600000L, 100), new Tx("tx2", 1715421601000L, 200));
        assertThat(read.deadLetters()).isEmpty();
    }

    @Test
    void headerNamesThatDoNotMatchTheDeclaredColumnsFailAtOpen() {
        String csv = "id,ts,value\ntx1,1,2\n";

        assertThatThrownBy(() -> run(CsvSource.builder("tx.csv", csv).columns("id", "timestamp", "amount")
                .build(row -> row.get("id"))))
            .hasStackTraceContaining("tx.csv: the header does not match: expected columns [id, timestamp, amount], found [id, ts, value];"
                + " missing timestamp, amount.");
    }

    @Test
    void aHeaderWithAnUnterminatedQuoteFailsAtOpenNamingTheSource() {
        String csv = "id,\"name\nx,y\n";

        assertThatThrownBy(() -> run(CsvSource.builder("q.csv", csv).build(row -> row.get(0))))
            .hasStackTraceContaining("q.csv: the header line cannot be split: unterminated quoted field [id,\"name]");
    }

    @Test
    void aHeaderThatIsNotUtf8FailsAtOpenSuggestingAnotherEncoding() {
        byte[] utf16 = "id,name\n1,a\n".getBytes(StandardCharsets.UTF_16); // starts with the byte order mark FE FF

        assertThatThrownBy(() -> run(bytes("u16.csv", utf16).columns("id", "name").build(row -> row.get("id"))))
            .hasStackTraceContaining("u16.csv: the header line is not valid UTF-8: byte 0xFE at offset 0")
            .hasStackTraceContaining("another encoding");
    }

    @Test
    void aDeadLetterOfATenMegabyteRowKeepsTheFirst1024CharactersOfRawAndReason() {
        String huge = "x".repeat(10_000_000);
        String csv = "id,amount\n1," + huge + "\n2,5\n";

        Read<Long> read = run(CsvSource.builder("big.csv", csv).columns("id", "amount").build(row -> row.getLong("amount")));

        assertThat(read.records()).containsExactly(5L);
        DeadLetter dead = read.deadLetters().get(0);
        assertThat(dead.raw()).startsWith("1,xxx").endsWith("... (" + (huge.length() + 2 - DeadLetter.MAX_TEXT) + " more chars)");
        assertThat(dead.raw().length()).isLessThan(DeadLetter.MAX_TEXT + 40);
        assertThat(dead.reason()).startsWith("column 'amount': 'xxx").hasSizeLessThan(DeadLetter.MAX_TEXT + 40);
    }

    @Test
    void failFastStopsAtAnUndecodableLineWithItsLineNumber() {
        byte[] csv = latin1("id,name\n1,caf\u00e9\n");

        assertThatThrownBy(() -> run(bytes("f.csv", csv).failFast(true).columns("id", "name").build(row -> row.get("name"))))
            .hasStackTraceContaining("f.csv:2: malformed row (not valid UTF-8: byte 0xE9 at offset 13");
    }
}
