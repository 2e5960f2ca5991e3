package dev.runnel.api.functions.aggregation;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code sum(field)}: the accumulated record with the field replaced by the sum, so the other fields
 * keep the values of the first record (Flink's behaviour). Integer types add with Java's wrap-around,
 * and the result keeps the field's type (a {@code short} field stays a {@code short}).
 */
public final class SumAggregator<T> extends AggregationFunction<T> {
    private static final long serialVersionUID = 1L;

    public SumAggregator(int position) {
        super(position);
    }

    public SumAggregator(String field) {
        super(field);
    }

    @Override
    protected boolean writesField() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T accumulated, T value) throws Exception {
        FieldAccessor accessor = accessor(accumulated);
        Object sum = add(get(accessor, accumulated), get(accessor(value), value));
        return (T) accessor.with(accumulated, sum);
    }

    private Object add(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) {
            return x + y;
        } else if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        } else if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        } else if (a instanceof Float x && b instanceof Float y) {
            return x + y;
        } else if (a instanceof Short x && b instanceof Short y) {
            return (short) (x + y);
        } else if (a instanceof Byte x && b instanceof Byte y) {
            return (byte) (x + y);
        } else if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.add(y);
        } else if (a instanceof BigInteger x && b instanceof BigInteger y) {
            return x.add(y);
        }
        throw new IllegalArgumentException("Cannot sum " + field() + " of type " + a.getClass().getName()
            + (a.getClass() == b.getClass() ? "" : " and " + b.getClass().getName())
            + ": sum supports int, long, float, double, short, byte, BigDecimal and BigInteger");
    }
}
