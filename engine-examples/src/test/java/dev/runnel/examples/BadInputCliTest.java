package dev.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 through the examples' command line: a bad byte, a row with an extra column or an
 * impossible coordinate is a dead letter in the report and the run ends normally (exit 0); a header
 * that does not fit stops the run at once (exit 1) with the expected and found columns.
 */
class BadInputCliTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path write(String name, String content) throws Exception {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void logsReproAnInvalidUtf8ByteIsADeadLetterWithLineAndByteOffsetAndTheRunExitsZero() throws Exception {
        // printf '{"user_id":"caf\xe9","action":"login_failed","timestamp":1715594500}\n' > l.jsonl
        Path file = write("l.jsonl", "{\"user_id\":\"caf\u00e9\",\"action\":\"login_failed\",\"timestamp\":1715594500}\n"
            .getBytes(StandardCharsets.ISO_8859_1));

        CliRun text = CliRun.of("logs", "--quiet", "--input", file.toString());
        CliRun json = CliRun.of("logs", "--quiet", "--format", "json", "--input", file.toString());

        assertThat(text.exitCode()).isZero();
        assertThat(text.lines()).containsExactly("DEAD_LETTER " + file + ":1: not valid UTF-8: byte 0xE9 at offset 15 (byte 16 of the line)"
            + " [{\"user_id\":\"caf\\xE9\",\"action\":\"login_failed\",\"timestamp\":1715594500}]");
        assertThat(json.exitCode()).isZero();
        assertThat(json.lines()).singleElement().asString()
            .contains("\"kind\":\"DEAD_LETTER\"", "\"line\":1", "\"offset\":0", "\"reason\":\"not valid UTF-8: byte 0xE9 at offset 15");
    }

    @Test
    void logsAlertsAfterAnInvalidByteHalfwayThroughA200000LineFileAreStillRaised() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        long t = 1_715_594_400L;
        long badLineOffset = -1;
        for (int line = 1; line <= 200_000; line++, t++) {
            if (line == 100_000) {
                badLineOffset = log.size();
                log.writeBytes("{\"user_id\":\"caf\u00e9\",\"action\":\"login_failed\",\"timestamp\":1715594500}\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            } else if (line > 150_000 && line <= 150_005) {
                log.writeBytes(("{\"user_id\":\"mallory\",\"action\":\"login_failed\",\"timestamp\":" + t + "}\n").getBytes(StandardCharsets.UTF_8));
            } else {
                log.writeBytes(("{\"user_id\":\"u" + (line % 500) + "\",\"action\":\"view\",\"timestamp\":" + t + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Path file = write("big.jsonl", log.toByteArray());

        CliRun run = CliRun.of("logs", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.kind("DEAD_LETTER")).singleElement().asString()
            .startsWith("DEAD_LETTER " + file + ":100000: not valid UTF-8: byte 0xE9 at offset " + (badLineOffset + 15) + " ");
        assertThat(run.kind("SECURITY_ALERT")).singleElement().asString().startsWith("SECURITY_ALERT FAILED_LOGINS user=mallory ");
        assertThat(run.stderr()).containsPattern("summary: rows=200.000 dead-letters=1 ");
    }

    @Test
    void fraudCsvAnInvalidByteInTheKeyIsADeadLetterNotAKeyWithAReplacementCharacter() throws Exception {
        Path file = write("tx.csv", "transaction_id,timestamp,amount\ntx\u00e9,2024-05-11 10:00:00,9000\ntx2,2024-05-11 10:00:01,10\n"
            .getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("fraud", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).noneMatch(l -> l.contains("\uFFFD"));
        assertThat(run.kind("DEAD_LETTER")).containsExactly("DEAD_LETTER " + file + ":2: not valid UTF-8: byte 0xE9 at offset 34"
            + " (byte 3 of the line) [tx\\xE9,2024-05-11 10:00:00,9000]");
    }

    @Test
    void fraudCsvAnUnquotedThousandsSeparatorIsADeadLetterNotAnAmountOfFour() throws Exception {
        Path file = write("tx.csv", "transaction_id,timestamp,amount\ntx1,2024-05-11 10:00:00,4,500.00\n");

        CliRun run = CliRun.of("fraud", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(
            "DEAD_LETTER " + file + ":2: row has 4 fields, the header has 3 [tx1,2024-05-11 10:00:00,4,500.00]");
    }

    @Test
    void fraudCsvSeparatedBySemicolonsStopsAtOnceNamingExpectedAndFoundColumnsAndTheSeparator() throws Exception {
        Path file = write("semi.csv", "transaction_id;timestamp;amount\ntx1;2024-05-11 10:00:00;100\n");

        CliRun run = CliRun.of("fraud", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).isEmpty();
        assertThat(run.stderr()).contains("The job failed: ")
            .contains(file + ": the header does not match: expected columns [transaction_id, timestamp, amount], "
                + "found [transaction_id;timestamp;amount]; missing transaction_id, timestamp, amount.")
            .contains("The header looks ';'-separated");
    }

    @Test
    void fraudCsvWithoutAHeaderStopsAtOnceInsteadOfTakingTheFirstRowForTheHeader() throws Exception {
        Path file = write("nohead.csv", "tx1,2024-05-11 10:00:00,100\ntx2,2024-05-11 10:00:01,200\n");

        CliRun run = CliRun.of("fraud", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("found [tx1, 2024-05-11 10:00:00, 100]").contains("no header line");
    }

    @Test
    void riskALatitudeOutsideItsDomainIsADeadLetterNotAnAlert() throws Exception {
        Path file = write("risk.csv", """
            transaction_id,user_id,account_id,type,amount,currency,timestamp,merchant_id,latitude,longitude
            t01,alice,acc-1,payment,52.10,USD,2024-05-13 09:05:00,m-1,40.7128,-74.0060
            t02,alice,acc-1,payment,48.00,USD,2024-05-13 09:35:00,m-1,999,-74.0060
            """);

        CliRun run = CliRun.of("risk", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("DEAD_LETTER " + file + ":3: field 'latitude': 999.0 is outside [-90, 90]"
            + " [t02,alice,acc-1,payment,48.00,USD,2024-05-13 09:35:00,m-1,999,-74.0060]");
    }

    @Test
    void cepfraudALongitudeOutsideItsDomainIsADeadLetterNotAnImpossibleTrip() throws Exception {
        Path file = write("events.csv", """
            user_id,event_type,timestamp,amount,latitude,longitude,page,category
            eve,login,2024-05-11 09:00:00,,51.5074,-0.1278,,
            eve,login,2024-05-11 09:30:00,,51.5074,200,,
            """);

        CliRun run = CliRun.of("cepfraud", "--quiet", "--input", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("DEAD_LETTER " + file + ":3: field 'longitude': 200.0 is outside [-180, 180]"
            + " [eve,login,2024-05-11 09:30:00,,51.5074,200,,]");
    }
}
