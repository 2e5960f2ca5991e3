package dev.runnel.api.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void linesEndAtNewlineWithCarriageReturnsDroppedAndOffsetsCountBytes() throws IOException {
        LineReader r = reader("a,b\r\n日本\n\nlast");
        assertThat(r.readLine()).isEqualTo("a,b");
        assertThat(r.offset()).isEqualTo(5);
        assertThat(r.readLine()).isEqualTo("日本");
        assertThat(r.offset()).isEqualTo(12); // two 3-byte characters and the newline
        assertThat(r.readLine()).isEmpty();
        assertThat(r.readLine()).isEqualTo("last");
        assertThat(r.offset()).isEqualTo(17);
        assertThat(r.readLine()).isNull();
    }

    @Test
    void skippingToAnOffsetResumesAtThatLineAfterReadAhead() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        LineReader first = reader(text.toString());
        for (int i = 0; i < 30_000; i++) {
            first.readLine();
        }
        long offset = first.offset();

        LineReader resumed = reader(text.toString());
        resumed.readLine(); // like a header: the buffer has read ahead far past it
        resumed.skip(offset - resumed.offset());
        assertThat(resumed.readLine()).isEqualTo("line 30000");
        assertThat(resumed.offset()).isEqualTo(offset + "line 30000\n".length());
    }
}
