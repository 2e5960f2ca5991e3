package dev.runnel.compat.flink.connector.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Flink's {@code Encoder}: writes one record to a row-format file. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    void encode(IN element, OutputStream stream) throws IOException;
}
