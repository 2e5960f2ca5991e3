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

    /**
     * Matches {@code keyedInput} against the rules of {@code rules}, which can change while the job runs
     * (docs/dynamic-rules.md): each rule's JSON pattern is compiled when it arrives, on every parallel
     * instance, and applies from the next event on; rule expressions read events through {@code fields}.
     */
    public static <T> dev.runnel.cep.dynamic.DynamicPatternStream<T> dynamicPatterns(dev.runnel.api.KeyedStream<T, ?> keyedInput,
            DataStream<dev.runnel.cep.dynamic.Rule> rules, dev.runnel.cep.dynamic.EventFields<T> fields) {
        return dev.runnel.cep.dynamic.DynamicPatternStream.of(keyedInput, rules, fields);
    }

    /** As {@link #dynamicPatterns(dev.runnel.api.KeyedStream, DataStream, dev.runnel.cep.dynamic.EventFields)} with the fields of a record or bean class. */
    public static <T> dev.runnel.cep.dynamic.DynamicPatternStream<T> dynamicPatterns(dev.runnel.api.KeyedStream<T, ?> keyedInput,
            DataStream<dev.runnel.cep.dynamic.Rule> rules, Class<T> eventType) {
        return dynamicPatterns(keyedInput, rules, dev.runnel.cep.dynamic.EventFields.of(eventType));
    }

    /** Events of one key with equal timestamps are matched in {@code comparator} order instead of arrival order. */
    public static <T> PatternStream<T> pattern(DataStream<T> input, Pattern<T, ?> pattern, EventComparator<T> comparator) {
        return new PatternStream<>(input, pattern, comparator);
    }
}
