package dev.runnel.api.types;

import java.util.Objects;

/**
 * A value of one of two types, as Flink's {@code Either}: {@code Either.Left(x)} or
 * {@code Either.Right(y)}. CEP's select with a timeout function (and no side output) returns timed-out
 * partial matches as lefts and matches as rights.
 */
public abstract class Either<L, R> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    Either() {}

    /** An Either holding a left value. */
    @SuppressWarnings("MethodName")
    public static <L, R> Either<L, R> Left(L value) {
        return new Left<>(value);
    }

    /** An Either holding a right value. */
    @SuppressWarnings("MethodName")
    public static <L, R> Either<L, R> Right(R value) {
        return new Right<>(value);
    }

    /** The left value; fails with {@link IllegalStateException} on a right. */
    public abstract L left() throws IllegalStateException;

    /** The right value; fails with {@link IllegalStateException} on a left. */
    public abstract R right() throws IllegalStateException;

    public final boolean isLeft() {
        return getClass() == Left.class;
    }

    public final boolean isRight() {
        return getClass() == Right.class;
    }

    /** A left value; prints as {@code Left(value)}. */
    public static final class Left<L, R> extends Either<L, R> {
        private static final long serialVersionUID = 1L;
        private L value;

        public Left(L value) {
            this.value = Objects.requireNonNull(value, "left value");
        }

        public static <L, R> Left<L, R> of(L left) {
            return new Left<>(left);
        }

        public L getValue() {
            return value;
        }

        public void setValue(L value) {
            this.value = Objects.requireNonNull(value, "left value");
        }

        @Override
        public L left() {
            return value;
        }

        @Override
        public R right() {
            throw new IllegalStateException("Cannot retrieve Right value on a Left");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Left<?, ?> other && value.equals(other.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "Left(" + value + ")";
        }
    }

    /** A right value; prints as {@code Right(value)}. */
    public static final class Right<L, R> extends Either<L, R> {
        private static final long serialVersionUID = 1L;
        private R value;

        public Right(R value) {
            this.value = Objects.requireNonNull(value, "right value");
        }

        public static <L, R> Right<L, R> of(R right) {
            return new Right<>(right);
        }

        public R getValue() {
            return value;
        }

        public void setValue(R value) {
            this.value = Objects.requireNonNull(value, "right value");
        }

        @Override
        public L left() {
            throw new IllegalStateException("Cannot retrieve Left value on a Right");
        }

        @Override
        public R right() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Right<?, ?> other && value.equals(other.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "Right(" + value + ")";
        }
    }
}
