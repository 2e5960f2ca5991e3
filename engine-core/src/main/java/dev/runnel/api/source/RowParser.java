package dev.runnel.api.source;

/** Turns one CSV row into a record; anything it throws makes the row a dead letter with that reason. */
@FunctionalInterface
public interface RowParser<T> {
    T parse(CsvRow row) throws Exception;
}
