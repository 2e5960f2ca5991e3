package dev.runnel.examples.io;

/** How an example turns one input row into its event; whatever it throws makes the row a dead letter. */
@FunctionalInterface
public interface RecordFormat<T> {
    T parse(Fields fields) throws Exception;
}
