package dev.runnel.api.functions.aggregation;

import dev.runnel.api.functions.ReduceFunction;
import java.util.Objects;

/**
 * The built-in field aggregations ({@code sum}, {@code min}, {@code max}, {@code minBy},
 * {@code maxBy}) as {@link ReduceFunction}s, as in Flink: a keyed stream runs them as a rolling
 * reduce, a windowed stream as a window reduce. The field is found once per record class, when the
 * job is defined if the plan declares the records' class ({@code DeclaredTypes}), otherwise at the
 * first record of a class; an unknown field or position is an {@link IllegalArgumentException}
 * listing what exists. Records are then read and written without lookups.
 * Input records are never mutated: a changed field is written into a copy.
 */
public abstract class AggregationFunction<T> implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    /** Flink's aggregation types. */
    public enum AggregationType {
        SUM, MIN, MAX, MINBY, MAXBY
    }

    private final int position;
    private final String fieldName;
    /** The accessor and the class it was resolved for; replaced as a whole, so readers on other threads see a consistent pair. */
    private transient volatile Resolved resolved;

    private record Resolved(Class<?> type, FieldAccessor accessor) {}

    protected AggregationFunction(int position) {
        if (position < 0) {
            throw new IllegalArgumentException("Aggregation position must not be negative, got " + position);
        }
        this.position = position;
        this.fieldName = null;
    }

    protected AggregationFunction(String fieldName) {
        Objects.requireNonNull(fieldName, "field");
        if (fieldName.isBlank()) {
            throw new IllegalArgumentException("Aggregation field name must not be blank");
        }
        this.position = -1;
        this.fieldName = fieldName;
    }

    /**
     * Whether the result is the accumulated record with the field replaced ({@code sum}, {@code min},
     * {@code max}: the record must be copyable and the field writable) rather than one of the
     * records as they are ({@code minBy}, {@code maxBy}).
     */
    protected abstract boolean writesField();

    /** The field as the user named it: {@code "position 1"} or {@code "field 'amount'"}. */
    protected String field() {
        return fieldName == null ? "position " + position : "field '" + fieldName + "'";
    }

    /**
     * Checks that {@code record} has the aggregated field (resolving it for the record's class);
     * runtimes call it for the first record of each key or window, which a reduce function never
     * sees paired. Throws {@link IllegalArgumentException} naming the field and listing those that exist.
     */
    public final void validate(T record) {
        accessor(record);
    }

    /**
     * Checks the field against the records' declared class when the job is defined, if the plan
     * knows it ({@code null}: unknown, checked at the first record instead). Throws
     * {@link IllegalArgumentException} naming the field and listing those that exist.
     */
    public final AggregationFunction<T> checkDeclared(Class<?> declared) {
        if (declared != null) {
            FieldAccessor a = fieldName == null ? FieldAccessors.byPosition(declared, position, writesField()) : FieldAccessors.byName(declared, fieldName, writesField());
            resolved = new Resolved(declared, a);
        }
        return this;
    }

    final FieldAccessor accessor(Object record) {
        Resolved r = resolved;
        Class<?> type = record.getClass();
        if (r == null || r.type != type) {
            FieldAccessor a = fieldName == null ? FieldAccessors.byPosition(type, position, writesField()) : FieldAccessors.byName(type, fieldName, writesField());
            r = new Resolved(type, a);
            resolved = r;
        }
        return r.accessor;
    }

    final Object get(FieldAccessor accessor, Object record) throws ReflectiveOperationException {
        Object v = accessor.get(record);
        if (v == null) {
            throw new IllegalArgumentException("Cannot aggregate " + field() + ": it is null in " + record);
        }
        return v;
    }
}
