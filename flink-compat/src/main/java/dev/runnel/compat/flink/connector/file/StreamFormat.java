package dev.runnel.compat.flink.connector.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Flink's {@code StreamFormat}: reads records from a file's byte stream. Runnel's form is smaller
 * than Flink's (no {@code Configuration}, no split ends: files are read whole), which only matters to
 * programs that write a format of their own; {@link TextLineInputFormat} is the one ported programs use.
 */
public interface StreamFormat<T> extends Serializable {

    /** A reader over one file; {@code in} is closed with the reader. */
    Reader<T> createReader(InputStream in) throws IOException;

    /** Reads one record at a time from one file. */
    interface Reader<T> extends Closeable {
        /** The next record, or null at the end of the file. */
        T read() throws IOException;
    }
}
