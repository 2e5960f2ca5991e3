package dev.runnel.cep.dynamic;

import static dev.runnel.cep.dynamic.DirectConditions.cast;
import static dev.runnel.cep.dynamic.DirectConditions.undecided;

import dev.runnel.cep.dynamic.DirectConditions.Bool;
import dev.runnel.cep.dynamic.DirectConditions.Dbl;
import dev.runnel.cep.dynamic.DirectConditions.Int;
import dev.runnel.cep.dynamic.DirectConditions.Str;
import dev.runnel.cep.dynamic.DirectConditions.Undecided;
import dev.runnel.cep.dynamic.DirectConditions.Unsupported;

/**
 * The operators of {@link DirectConditions}' subset over its typed nodes: comparisons of two
 * integers, two doubles, an integer and a double, two strings or two booleans; arithmetic; negation
 * and the conditional. Each returns a new node, or throws {@link Unsupported} for operand types
 * outside the subset.
 */
final class DirectOperators {
    private DirectOperators() {}

    static <T> Object compare(String op, Object a, Object b) throws Unsupported {
        boolean equality = op.equals("_==_") || op.equals("_!=_");
        boolean negate = op.equals("_!=_");
        if (a instanceof Int<?> && b instanceof Int<?>) {
            Int<T> l = cast(a);
            Int<T> r = cast(b);
            return switch (op) {
                case "_==_" -> (Bool<T>) ev -> l.eval(ev) == r.eval(ev);
                case "_!=_" -> (Bool<T>) ev -> l.eval(ev) != r.eval(ev);
                case "_<_" -> (Bool<T>) ev -> l.eval(ev) < r.eval(ev);
                case "_<=_" -> (Bool<T>) ev -> l.eval(ev) <= r.eval(ev);
                case "_>_" -> (Bool<T>) ev -> l.eval(ev) > r.eval(ev);
                default -> (Bool<T>) ev -> l.eval(ev) >= r.eval(ev);
            };
        }
        if (a instanceof Dbl<?> && b instanceof Dbl<?>) {
            Dbl<T> l = cast(a);
            Dbl<T> r = cast(b);
            return switch (op) {
                // CEL's equality of a NaN depends on whether both sides are the same boxed object
                case "_==_" -> (Bool<T>) ev -> doubleEquals(l.eval(ev), r.eval(ev));
                case "_!=_" -> (Bool<T>) ev -> !doubleEquals(l.eval(ev), r.eval(ev));
                case "_<_" -> (Bool<T>) ev -> l.eval(ev) < r.eval(ev);
                case "_<=_" -> (Bool<T>) ev -> l.eval(ev) <= r.eval(ev);
                case "_>_" -> (Bool<T>) ev -> l.eval(ev) > r.eval(ev);
                default -> (Bool<T>) ev -> l.eval(ev) >= r.eval(ev);
            };
        }
        if ((a instanceof Int<?> || a instanceof Dbl<?>) && (b instanceof Int<?> || b instanceof Dbl<?>)) {
            return mixed(op, asDouble(a), asDouble(b));
        }
        if (equality && a instanceof Str<?> && b instanceof Str<?>) {
            Str<T> l = cast(a);
            Str<T> r = cast(b);
            return (Bool<T>) ev -> l.eval(ev).equals(r.eval(ev)) != negate;
        }
        if (equality && a instanceof Bool<?> && b instanceof Bool<?>) {
            Bool<T> l = cast(a);
            Bool<T> r = cast(b);
            return (Bool<T>) ev -> (l.eval(ev) == r.eval(ev)) != negate;
        }
        throw new Unsupported();
    }

    private static boolean doubleEquals(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            throw Undecided.INSTANCE;
        }
        return x == y;
    }

    /**
     * An integer and a double compare as CEL compares them (its {@code ComparisonFunctions}):
     * by {@link Double#compare} after widening the integer, so -0.0 is below 0 and NaN above all.
     */
    private static <T> Bool<T> mixed(String op, Dbl<T> l, Dbl<T> r) {
        return switch (op) {
            case "_==_" -> ev -> Double.compare(l.eval(ev), r.eval(ev)) == 0;
            case "_!=_" -> ev -> Double.compare(l.eval(ev), r.eval(ev)) != 0;
            case "_<_" -> ev -> Double.compare(l.eval(ev), r.eval(ev)) < 0;
            case "_<=_" -> ev -> Double.compare(l.eval(ev), r.eval(ev)) <= 0;
            case "_>_" -> ev -> Double.compare(l.eval(ev), r.eval(ev)) > 0;
            default -> ev -> Double.compare(l.eval(ev), r.eval(ev)) >= 0;
        };
    }

    private static <T> Dbl<T> asDouble(Object node) {
        if (node instanceof Dbl<?>) {
            return cast(node);
        }
        Int<T> i = cast(node);
        return ev -> (double) i.eval(ev);
    }

    // ---- arithmetic: integers as CEL would not let them overflow, doubles as IEEE 754
    static <T> Object apply(String op, Object a, Object b) throws Unsupported {
        if (a instanceof Int<?> && b instanceof Int<?>) {
            Int<T> l = cast(a);
            Int<T> r = cast(b);
            return switch (op) {
                case "_+_" -> (Int<T>) ev -> {
                    long x = l.eval(ev);
                    long y = r.eval(ev);
                    long s = x + y;
                    return ((x ^ s) & (y ^ s)) < 0 ? undecided() : s; // Math.addExact's overflow test
                };
                case "_-_" -> (Int<T>) ev -> {
                    long x = l.eval(ev);
                    long y = r.eval(ev);
                    long d = x - y;
                    return ((x ^ y) & (x ^ d)) < 0 ? undecided() : d; // Math.subtractExact's
                };
                case "_*_" -> (Int<T>) ev -> {
                    long x = l.eval(ev);
                    long y = r.eval(ev);
                    long hi = Math.multiplyHigh(x, y);
                    long lo = x * y;
                    return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : undecided();
                };
                default -> (Int<T>) ev -> {
                    long x = l.eval(ev);
                    long y = r.eval(ev);
                    return y == 0 || (x == Long.MIN_VALUE && y == -1) ? undecided() : x / y;
                };
            };
        }
        if (a instanceof Dbl<?> && b instanceof Dbl<?>) {
            Dbl<T> l = cast(a);
            Dbl<T> r = cast(b);
            return switch (op) {
                case "_+_" -> (Dbl<T>) ev -> l.eval(ev) + r.eval(ev);
                case "_-_" -> (Dbl<T>) ev -> l.eval(ev) - r.eval(ev);
                case "_*_" -> (Dbl<T>) ev -> l.eval(ev) * r.eval(ev);
                default -> (Dbl<T>) ev -> l.eval(ev) / r.eval(ev);
            };
        }
        throw new Unsupported();
    }

    static <T> Object negate(Object a) throws Unsupported {
        if (a instanceof Int<?>) {
            Int<T> i = cast(a);
            return (Int<T>) ev -> {
                long v = i.eval(ev);
                return v == Long.MIN_VALUE ? undecided() : -v;
            };
        }
        if (a instanceof Dbl<?>) {
            Dbl<T> d = cast(a);
            return (Dbl<T>) ev -> -d.eval(ev);
        }
        throw new Unsupported();
    }

    static <T> Object choose(Bool<T> test, Object a, Object b) throws Unsupported {
        if (a instanceof Int<?> && b instanceof Int<?>) {
            Int<T> x = cast(a);
            Int<T> y = cast(b);
            return (Int<T>) ev -> test.eval(ev) ? x.eval(ev) : y.eval(ev);
        }
        if (a instanceof Dbl<?> && b instanceof Dbl<?>) {
            Dbl<T> x = cast(a);
            Dbl<T> y = cast(b);
            return (Dbl<T>) ev -> test.eval(ev) ? x.eval(ev) : y.eval(ev);
        }
        if (a instanceof Str<?> && b instanceof Str<?>) {
            Str<T> x = cast(a);
            Str<T> y = cast(b);
            return (Str<T>) ev -> test.eval(ev) ? x.eval(ev) : y.eval(ev);
        }
        if (a instanceof Bool<?> && b instanceof Bool<?>) {
            Bool<T> x = cast(a);
            Bool<T> y = cast(b);
            return (Bool<T>) ev -> test.eval(ev) ? x.eval(ev) : y.eval(ev);
        }
        throw new Unsupported();
    }
}
