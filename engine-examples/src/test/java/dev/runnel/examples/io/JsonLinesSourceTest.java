package dev.runnel.examples.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.SourceHarness;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What JsonLinesSource makes of lines that are not exactly one JSON object in UTF-8. */
class JsonLinesSourceTest {
    private static SourceHarness.Drained<String> read(byte[] content) throws Exception {
        return SourceHarness.drain(new JsonLinesSource<>("in.jsonl", () -> new ByteArrayInputStream(content), ZoneId.of("UTC"),
            f -> f.text("user_id")), 100);
    }

    private static SourceHarness.Drained<String> read(String content) throws Exception {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentAfterTheObjectMakesTheLineADeadLetter() throws Exception {
        // line 1 is 18 bytes: {"user_id":"a"} 2 + \n
        SourceHarness.Drained<String> read = read("{\"user_id\":\"a\"} 2\n{\"user_id\":\"b\"}\n");

        assertThat(read.records()).containsExactly("b");
        assertThat(read.deadLetters()).extracting(DeadLetter::line, DeadLetter::offset).containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 0L));
        assertThat(read.deadLetters().get(0).reason()).startsWith("not JSON: Trailing token");
    }

    @Test
    void aRepeatedKeyMakesTheLineADeadLetterInsteadOfTheLastValueWinning() throws Exception {
        SourceHarness.Drained<String> read = read("{\"user_id\":\"a\"}\n{\"user_id\":\"eve\",\"user_id\":\"bob\"}\n");

        assertThat(read.records()).containsExactly("a");
        assertThat(read.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.offset()).isEqualTo(16);
            assertThat(d.reason()).startsWith("not JSON: Duplicate field 'user_id'");
        });
    }

    @Test
    void aByteOrderMarkBeforeTheFirstObjectIsDropped() throws Exception {
        SourceHarness.Drained<String> read = read("\uFEFF{\"user_id\":\"a\"}\n");

        assertThat(read.records()).containsExactly("a");
        assertThat(read.deadLetters()).isEmpty();
    }

    @Test
    void aUtf16FileGivesOneDeadLetterPerLineAndNoRecord() throws Exception {
        byte[] utf16 = "{\"user_id\":\"a\"}\n{\"user_id\":\"b\"}\n".getBytes(StandardCharsets.UTF_16);

        SourceHarness.Drained<String> read = read(utf16);

        assertThat(read.records()).isEmpty();
        // UTF-16 ends a line with 00 0A: the 00 ends the first line's bytes and begins the second's
        assertThat(read.deadLetters()).extracting(DeadLetter::line).containsExactly(1L, 2L);
        assertThat(read.deadLetters().get(0).reason()).isEqualTo("not valid UTF-8: byte 0xFE at offset 0 (byte 1 of the line)");
        assertThat(read.deadLetters().get(1).reason()).startsWith("not JSON: Illegal character ((CTRL-CHAR, code 0))");
    }
}
