package dev.runnel.connector.kafka.sink;

import java.io.Serializable;

/** The topic of each record, when it is not always the same (Flink's {@code TopicSelector}). */
@FunctionalInterface
public interface TopicSelector<T> extends Serializable {
    String apply(T element);
}
