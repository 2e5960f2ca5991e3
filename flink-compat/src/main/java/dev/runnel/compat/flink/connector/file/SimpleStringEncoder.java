package dev.runnel.compat.flink.connector.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/** Flink's {@code SimpleStringEncoder}: a record's {@code toString()} and a '\n', in UTF-8 unless told otherwise. */
public class SimpleStringEncoder<IN> implements Encoder<IN> {
    private static final long serialVersionUID = 1L;

    private final String charsetName;

    public SimpleStringEncoder() {
        this("UTF-8");
    }

    public SimpleStringEncoder(String charsetName) {
        Charset.forName(charsetName);
        this.charsetName = charsetName;
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        stream.write(element.toString().getBytes(charsetName));
        stream.write('\n');
    }
}
