package dev.runnel.compat.flink.connector.datagen;

/**
 * Flink's {@code SourceReaderContext}, as far as generator functions read it: which reader this is
 * among how many. A Runnel source runs as one reader, so it is reader 0 of 1.
 */
public interface SourceReaderContext {
    int getIndexOfSubtask();

    int currentParallelism();
}
