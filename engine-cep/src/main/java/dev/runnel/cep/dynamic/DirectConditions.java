package dev.runnel.cep.dynamic;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.lang.reflect.Member;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Evaluates the common subset of simple (non-iterative) rule conditions as plain Java, from the
 * expression's type-checked CEL syntax tree, instead of through CEL's interpreter: event fields,
 * literals, comparisons, {@code &&}, {@code ||}, {@code !}, {@code ?:}, arithmetic and {@code in}
 * over a literal list. A CEL evaluation of {@code type == 0} costs about 200 ns; this costs a few.
 *
 * <p>CEL stays the definition: wherever its answer could differ from Java's (an overflowing integer,
 * a division by zero, a null field, equality with NaN) a node throws {@link Undecided} and the caller asks CEL for that event; an expression outside the
 * subset is not compiled here at all. {@code DirectConditionsPropertyTest} checks the two agree on
 * random expressions and events, edge values included.
 */
final class DirectConditions {
    private DirectConditions() {}

    /** This event is for CEL to decide. Thrown without a stack trace: it is control flow. */
    static final class Undecided extends RuntimeException {
        static final Undecided INSTANCE = new Undecided();

        private Undecided() {
            super("left to CEL", null, false, false);
        }
    }

    /** A boolean-valued expression: what a condition is. */
    interface Bool<T> {
        boolean eval(T e);
    }

    interface Int<T> {
        long eval(T e);
    }

    interface Dbl<T> {
        double eval(T e);
    }

    interface Str<T> {
        String eval(T e);
    }

    /** Not in the subset: the whole expression stays with CEL. */
    static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The condition of {@code ast} as Java, or null when the expression is outside the subset. */
    static <T> Bool<T> compile(CelAbstractSyntaxTree ast, EventFields<T> fields) {
        try {
            Object node = new Compiler<>(ast, fields).node(ast.getExpr());
            return node instanceof Bool<?> ? cast(node) : null;
        } catch (Unsupported e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static <N> N cast(Object node) {
        return (N) node;
    }

    private record Compiler<T>(CelAbstractSyntaxTree ast, EventFields<T> fields) {
        Object node(CelExpr e) throws Unsupported {
            return switch (e.getKind()) {
                case CONSTANT -> constant(e.constant());
                case IDENT -> field(e.ident().name());
                case CALL -> {
                    if (e.call().target().isPresent()) {
                        throw new Unsupported();
                    }
                    yield call(e.call().function(), e.call().args());
                }
                default -> throw new Unsupported();
            };
        }

        private Object constant(CelConstant c) throws Unsupported {
            return switch (c.getKind()) {
                case BOOLEAN_VALUE -> {
                    boolean v = c.booleanValue();
                    yield (Bool<T>) x -> v;
                }
                case INT64_VALUE -> {
                    long v = c.int64Value();
                    yield (Int<T>) x -> v;
                }
                case DOUBLE_VALUE -> {
                    double v = c.doubleValue();
                    yield (Dbl<T>) x -> v;
                }
                case STRING_VALUE -> {
                    String v = c.stringValue();
                    yield (Str<T>) x -> v;
                }
                default -> throw new Unsupported();
            };
        }

        private Object field(String name) throws Unsupported {
            CelType type = fields.types().get(name);
            if (type == null) {
                throw new Unsupported();
            }
            Member getter = fields.getter(name);
            Class<?> java = getter == null ? null : FieldReaders.type(getter);
            if (java == long.class || java == int.class || java == short.class || java == byte.class) {
                ToLongFunction<T> read = FieldReaders.longs(getter);
                return (Int<T>) read::applyAsLong;
            }
            if (java == double.class || java == float.class) {
                ToDoubleFunction<T> read = FieldReaders.doubles(getter);
                return (Dbl<T>) read::applyAsDouble;
            }
            if (java == boolean.class) {
                Predicate<T> read = FieldReaders.booleans(getter);
                return (Bool<T>) read::test;
            }
            // boxed, strings, enums, chars, map events: CEL's value of the field, null left to CEL
            Function<T, Object> raw = getter == null ? ev -> fields.get(ev, name) : FieldReaders.objects(getter);
            Function<T, Object> read = getter == null || java == String.class ? raw : ev -> EventFields.normalize(raw.apply(ev));
            if (type == SimpleType.INT) {
                return (Int<T>) ev -> read.apply(ev) instanceof Long l ? l : undecided();
            }
            if (type == SimpleType.DOUBLE) {
                return (Dbl<T>) ev -> read.apply(ev) instanceof Double d ? d : undecided();
            }
            if (type == SimpleType.STRING) {
                return (Str<T>) ev -> read.apply(ev) instanceof String s ? s : undecidedString();
            }
            if (type == SimpleType.BOOL) {
                return (Bool<T>) ev -> read.apply(ev) instanceof Boolean b ? b : undecidedBool();
            }
            throw new Unsupported();
        }

        private Object call(String function, List<CelExpr> args) throws Unsupported {
            if (args.size() == 1) {
                Object a = node(args.get(0));
                return switch (function) {
                    case "!_" -> {
                        Bool<T> b = bool(a);
                        yield (Bool<T>) ev -> !b.eval(ev);
                    }
                    case "-_" -> DirectOperators.negate(a);
                    default -> throw new Unsupported();
                };
            }
            if (function.equals("_?_:_") && args.size() == 3) {
                return DirectOperators.choose(bool(node(args.get(0))), node(args.get(1)), node(args.get(2)));
            }
            if (args.size() != 2) {
                throw new Unsupported();
            }
            if (function.equals("@in")) {
                return in(node(args.get(0)), args.get(1));
            }
            Object a = node(args.get(0));
            Object b = node(args.get(1));
            return switch (function) {
                case "_&&_" -> {
                    Bool<T> l = bool(a);
                    Bool<T> r = bool(b);
                    yield (Bool<T>) ev -> l.eval(ev) && r.eval(ev);
                }
                case "_||_" -> {
                    Bool<T> l = bool(a);
                    Bool<T> r = bool(b);
                    yield (Bool<T>) ev -> l.eval(ev) || r.eval(ev);
                }
                case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" -> DirectOperators.compare(function, a, b);
                case "_+_", "_-_", "_*_", "_/_" -> DirectOperators.apply(function, a, b);
                default -> throw new Unsupported();
            };
        }

        /** {@code x in [c1, c2, ...]} with literal integers or strings. */
        private Object in(Object left, CelExpr list) throws Unsupported {
            if (list.getKind() != CelExpr.ExprKind.Kind.LIST || !list.list().optionalIndices().isEmpty()) {
                throw new Unsupported();
            }
            List<CelExpr> elements = list.list().elements();
            if (left instanceof Int<?> && elements.stream().allMatch(x -> isConstant(x, CelConstant.Kind.INT64_VALUE))) {
                Int<T> l = cast(left);
                long[] values = elements.stream().mapToLong(x -> x.constant().int64Value()).toArray();
                return (Bool<T>) ev -> {
                    long v = l.eval(ev);
                    for (long c : values) {
                        if (c == v) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            if (left instanceof Str<?> && elements.stream().allMatch(x -> isConstant(x, CelConstant.Kind.STRING_VALUE))) {
                Str<T> l = cast(left);
                Set<String> values = Set.copyOf(elements.stream().map(x -> x.constant().stringValue()).toList());
                return (Bool<T>) ev -> values.contains(l.eval(ev));
            }
            throw new Unsupported();
        }

        private static boolean isConstant(CelExpr e, CelConstant.Kind kind) {
            return e.getKind() == CelExpr.ExprKind.Kind.CONSTANT && e.constant().getKind() == kind;
        }

        private Bool<T> bool(Object node) throws Unsupported {
            if (node instanceof Bool<?>) {
                return cast(node);
            }
            throw new Unsupported();
        }
    }

    static long undecided() {
        throw Undecided.INSTANCE;
    }

    static double undecidedDouble() {
        throw Undecided.INSTANCE;
    }

    static String undecidedString() {
        throw Undecided.INSTANCE;
    }

    static boolean undecidedBool() {
        throw Undecided.INSTANCE;
    }
}
