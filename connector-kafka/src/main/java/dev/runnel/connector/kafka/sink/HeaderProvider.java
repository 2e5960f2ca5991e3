package dev.runnel.connector.kafka.sink;

import java.io.Serializable;
import org.apache.kafka.common.header.Headers;

/** The headers of each record (Flink's {@code HeaderProvider}). */
@FunctionalInterface
public interface HeaderProvider<T> extends Serializable {
    Headers getHeaders(T element);
}
