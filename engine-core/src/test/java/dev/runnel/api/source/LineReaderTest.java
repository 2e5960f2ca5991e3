package dev.runnel.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    private static LineReader reader(byte[] bytes) {
        return new LineReader(new ByteArrayInputStream(bytes));
    }

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

    @Test
    void aLineWithAnInvalidUtf8ByteIsReportedWithItsOffsetsAndTheNextLineIsRead() throws IOException {
        // line 1 "ok\n" (3 bytes); line 2 "caf\xE9,x\n" starts at byte 3, the bad byte is at 3 + 3 = 6
        LineReader r = reader(new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, ',', 'x', '\n', 'n', 'e', 'x', 't', '\n'});
        assertThat(r.readLine()).isEqualTo("ok");

        MalformedLineException e = catchThrowableOfType(r::readLine, MalformedLineException.class);

        assertThat(e.lineOffset()).isEqualTo(3);
        assertThat(e.errorOffset()).isEqualTo(6);
        assertThat(e.getMessage()).isEqualTo("not valid UTF-8: byte 0xE9 at offset 6 (byte 4 of the line)");
        assertThat(e.escapedLine()).isEqualTo("caf\\xE9,x");
        assertThat(r.offset()).isEqualTo(10);
        assertThat(r.readLine()).isEqualTo("next");
        assertThat(r.lineOffset()).isEqualTo(10);
    }

    @Test
    void aMultiByteCharacterCutByTheEndOfTheStreamIsMalformed() throws IOException {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC
        LineReader r = reader(new byte[] {'a', '\n', 'b', euro[0], euro[1]});
        assertThat(r.readLine()).isEqualTo("a");

        MalformedLineException e = catchThrowableOfType(r::readLine, MalformedLineException.class);

        assertThat(e.errorOffset()).isEqualTo(3);
        assertThat(e.escapedLine()).isEqualTo("b\\xE2\\x82");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void aByteOrderMarkAtTheStartIsDroppedButCountedInOffsets() throws IOException {
        LineReader r = reader("\uFEFFid,name\nx,y\n");
        assertThat(r.readLine()).isEqualTo("id,name");
        assertThat(r.offset()).isEqualTo(3 + 8);
        assertThat(r.readLine()).isEqualTo("x,y");
    }

    @Test
    void aTenMegabyteLineIsReadWhole() throws IOException {
        String longLine = "é".repeat(5_000_000); // 10 MB of two-byte characters
        LineReader r = reader(longLine + "\nshort\n");
        assertThat(r.readLine()).isEqualTo(longLine);
        assertThat(r.readLine()).isEqualTo("short");
        assertThat(r.lineOffset()).isEqualTo(10_000_001);
    }
}
