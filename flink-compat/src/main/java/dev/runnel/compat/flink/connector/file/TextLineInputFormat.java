package dev.runnel.compat.flink.connector.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Flink's {@code TextLineInputFormat}: each line of a file is a record, without its line break ("\n", "\r\n" or "\r"). */
public final class TextLineInputFormat implements StreamFormat<String> {
    private static final long serialVersionUID = 1L;

    public static final String DEFAULT_CHARSET_NAME = "UTF-8";

    private final String charsetName;

    public TextLineInputFormat() {
        this(DEFAULT_CHARSET_NAME);
    }

    public TextLineInputFormat(String charsetName) {
        Charset.forName(charsetName); // fails here, with the name, rather than when the job reads
        this.charsetName = charsetName;
    }

    @Override
    public Reader<String> createReader(InputStream in) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in,
            charsetName.equals(DEFAULT_CHARSET_NAME) ? StandardCharsets.UTF_8 : Charset.forName(charsetName)));
        return new Reader<>() {
            @Override
            public String read() throws IOException {
                return lines.readLine();
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }
}
