package dev.runnel.cep;

import dev.runnel.api.DataStream;
import dev.runnel.cep.pattern.Pattern;

/**
 * Entry point of pattern matching, as Flink's {@code CEP}: {@code CEP.pattern(stream, pattern)}.
 * On a keyed stream each key is matched on its own (partitioned by key at parallelism N); on any
 * other stream one operator instance matches all events together. The pattern is validated and
 * compiled here, so a malformed pattern fails before the job starts.
 */
public final class CEP {
    private CEP() {}

    public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern) {
        return new PatternStream<>(input, pattern, null);
    }

    /** Events of one key with equal timestamps are matched in {@code comparator} order instead of arrival order. */
    public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern, EventComparator<T> comparator) {
        return new PatternStream<>(input, pattern, comparator);
    }
}
