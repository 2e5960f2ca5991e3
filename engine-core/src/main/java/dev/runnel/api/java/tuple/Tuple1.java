package dev.runnel.api.java.tuple;

import java.util.Objects;

/** A tuple of 1 field; see {@link Tuple}. */
public class Tuple1<T0> extends Tuple {
    private static final long serialVersionUID = 1L;

    /** Field 0. */
    public T0 f0;

    /** A tuple whose fields are all null. */
    public Tuple1() {}

    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    /** Sets all fields at once. */
    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return (T) switch (pos) {
            case 0 -> f0;
            default -> throw noField(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0 -> this.f0 = (T0) value;
            default -> throw noField(pos);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple1<T0> copy() {
        return new Tuple1<>(f0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple1<?> other && Objects.equals(f0, other.f0);
    }

    @Override
    public int hashCode() {
        int result = Objects.hashCode(f0);
        return result;
    }

    /** {@code (f0,f1,...)}, as Flink prints tuples. */
    @Override
    public String toString() {
        return "(" + fieldToString(f0) + ")";
    }
}
