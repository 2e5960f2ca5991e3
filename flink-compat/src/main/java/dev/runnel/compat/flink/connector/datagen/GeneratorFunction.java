package dev.runnel.compat.flink.connector.datagen;

import java.io.Serializable;

/** Flink's {@code GeneratorFunction}: makes the record with a given index (0, 1, 2, ...) for a {@link DataGeneratorSource}. */
@FunctionalInterface
public interface GeneratorFunction<T, O> extends Serializable {

    /** Called once, before the first record. */
    default void open(SourceReaderContext readerContext) throws Exception {}

    default void close() throws Exception {}

    O map(T value) throws Exception;
}
