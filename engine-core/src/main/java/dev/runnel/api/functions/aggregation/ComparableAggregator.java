package dev.runnel.api.functions.aggregation;

/**
 * {@code min}, {@code max}, {@code minBy} and {@code maxBy} on a {@link Comparable} field, with
 * Flink's semantics: {@code min}/{@code max} return the accumulated record with only the field
 * updated (the other fields keep the values of the first record: Flink's documented quirk), while
 * {@code minBy}/{@code maxBy} return the whole record that holds the extreme value; on a tie they
 * keep the earlier record if {@code first} (the default) and take the later one otherwise.
 */
public final class ComparableAggregator<T> extends AggregationFunction<T> {
    private static final long serialVersionUID = 1L;
    private final AggregationType type;
    private final boolean first;

    public ComparableAggregator(int position, AggregationType type, boolean first) {
        super(position);
        this.type = check(type);
        this.first = first;
    }

    public ComparableAggregator(String field, AggregationType type, boolean first) {
        super(field);
        this.type = check(type);
        this.first = first;
    }

    private static AggregationType check(AggregationType type) {
        if (type == AggregationType.SUM) {
            throw new IllegalArgumentException("SUM is not a comparison; use SumAggregator");
        }
        return type;
    }

    @Override
    protected boolean writesField() {
        return type == AggregationType.MIN || type == AggregationType.MAX;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T reduce(T accumulated, T value) throws Exception {
        FieldAccessor accessor = accessor(accumulated);
        Object a = get(accessor, accumulated);
        Object b = get(accessor(value), value);
        if (!(a instanceof Comparable)) {
            throw new IllegalArgumentException("Cannot compute " + type.name().toLowerCase() + " of " + field() + ": type "
                + a.getClass().getName() + " is not Comparable");
        }
        int c = ((Comparable) a).compareTo(b);
        boolean wantsMin = type == AggregationType.MIN || type == AggregationType.MINBY;
        // > 0: the new value is more extreme; 0: a tie
        int newIsBetter = wantsMin ? c : -c;
        if (type == AggregationType.MINBY || type == AggregationType.MAXBY) {
            if (newIsBetter == 0) {
                return first ? accumulated : value;
            }
            return newIsBetter > 0 ? value : accumulated;
        }
        return newIsBetter > 0 ? (T) accessor.with(accumulated, b) : accumulated;
    }
}
