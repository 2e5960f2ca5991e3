package dev.runnel.api.java.tuple;

import java.util.Arrays;

/**
 * A fixed-length group of values with public fields {@code f0}, {@code f1}, ..., as in Flink: records
 * built with {@code Tuple2.of("a", 1)} print as {@code (a,1)} and aggregations by position
 * ({@code sum(1)}) address their fields. Tuples are mutable and not thread-safe, like Flink's.
 */
public abstract class Tuple implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest arity Runnel has a tuple class for: 25, as in Flink. */
    public static final int MAX_ARITY = 25;

    private static final Class<?>[] CLASSES = {
        Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class, Tuple6.class, Tuple7.class,
        Tuple8.class, Tuple9.class, Tuple10.class, Tuple11.class, Tuple12.class, Tuple13.class, Tuple14.class, Tuple15.class,
        Tuple16.class, Tuple17.class, Tuple18.class, Tuple19.class, Tuple20.class, Tuple21.class, Tuple22.class,
        Tuple23.class, Tuple24.class, Tuple25.class
    };

    /** The field at {@code pos} (zero-based). */
    public abstract <T> T getField(int pos);

    /** The field at {@code pos}, failing when it is null (as Flink's {@code getFieldNotNull}). */
    public <T> T getFieldNotNull(int pos) {
        T field = getField(pos);
        if (field == null) {
            throw new NullPointerException("Field " + pos + " of " + this + " is null");
        }
        return field;
    }

    /** Sets the field at {@code pos} (zero-based). */
    public abstract <T> void setField(T value, int pos);

    /** The number of fields. */
    public abstract int getArity();

    /** A shallow copy: a new tuple holding the same field objects. */
    public abstract <T extends Tuple> T copy();

    /** The tuple class with {@code arity} fields. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException("Runnel has tuples of arity 0 to " + MAX_ARITY + ", not " + arity);
        }
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /** A tuple of {@code arity} fields, all null. */
    public static Tuple newInstance(int arity) {
        return switch (arity) {
            case 0 -> Tuple0.INSTANCE;
            case 1 -> new Tuple1<>();
            case 2 -> new Tuple2<>();
            case 3 -> new Tuple3<>();
            case 4 -> new Tuple4<>();
            case 5 -> new Tuple5<>();
            case 6 -> new Tuple6<>();
            case 7 -> new Tuple7<>();
            case 8 -> new Tuple8<>();
            case 9 -> new Tuple9<>();
            case 10 -> new Tuple10<>();
            case 11 -> new Tuple11<>();
            case 12 -> new Tuple12<>();
            case 13 -> new Tuple13<>();
            case 14 -> new Tuple14<>();
            case 15 -> new Tuple15<>();
            case 16 -> new Tuple16<>();
            case 17 -> new Tuple17<>();
            case 18 -> new Tuple18<>();
            case 19 -> new Tuple19<>();
            case 20 -> new Tuple20<>();
            case 21 -> new Tuple21<>();
            case 22 -> new Tuple22<>();
            case 23 -> new Tuple23<>();
            case 24 -> new Tuple24<>();
            case 25 -> new Tuple25<>();
            default -> throw new IllegalArgumentException("Runnel has tuples of arity 0 to " + MAX_ARITY + ", not " + arity);
        };
    }

    IndexOutOfBoundsException noField(int pos) {
        return new IndexOutOfBoundsException("Tuple of arity " + getArity() + " has no field " + pos);
    }

    /** Flink prints array fields by content: {@code ([1, 2],x)}. */
    static String fieldToString(Object field) {
        if (field != null && field.getClass().isArray()) {
            String deep = Arrays.deepToString(new Object[] {field});
            return deep.substring(1, deep.length() - 1);
        }
        return String.valueOf(field);
    }
}
