package dev.runnel.cep.dynamic;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Typed, non-reflective readers of an event field for {@link DirectConditions}: a record component's
 * or getter's method turned into a {@link ToLongFunction} (and friends) by {@link LambdaMetafactory},
 * as a lambda {@code Ev::amount} would be, so the JIT can inline it and a primitive field is read
 * without boxing; a public field gets a generated reader class ({@link FieldReaderClass}). Where
 * neither can reach the member (a class another module keeps to itself) the reader calls a
 * {@link MethodHandle} instead: slower, still no boxing or reflection.
 */
final class FieldReaders {
    private FieldReaders() {}

    @SuppressWarnings("unchecked")
    static <T> ToLongFunction<T> longs(Member getter) {
        Object lambda = lambda(getter, ToLongFunction.class, "applyAsLong", long.class);
        if (lambda != null) {
            return (ToLongFunction<T>) lambda;
        }
        MethodHandle h = handle(getter, long.class);
        return e -> {
            try {
                return (long) h.invokeExact(e);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> ToDoubleFunction<T> doubles(Member getter) {
        Object lambda = lambda(getter, ToDoubleFunction.class, "applyAsDouble", double.class);
        if (lambda != null) {
            return (ToDoubleFunction<T>) lambda;
        }
        MethodHandle h = handle(getter, double.class);
        return e -> {
            try {
                return (double) h.invokeExact(e);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> Predicate<T> booleans(Member getter) {
        Object lambda = lambda(getter, Predicate.class, "test", boolean.class);
        if (lambda != null) {
            return (Predicate<T>) lambda;
        }
        MethodHandle h = handle(getter, boolean.class);
        return e -> {
            try {
                return (boolean) h.invokeExact(e);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static <T> Function<T, Object> objects(Member getter) {
        Object lambda = lambda(getter, Function.class, "apply", Object.class);
        if (lambda != null) {
            return (Function<T, Object>) lambda;
        }
        MethodHandle h = handle(getter, Object.class);
        return e -> {
            try {
                return (Object) h.invokeExact(e);
            } catch (Throwable t) {
                throw rethrow(t);
            }
        };
    }

    /** The Java type of the field {@code getter} reads. */
    static Class<?> type(Member getter) {
        return getter instanceof Method m ? m.getReturnType() : ((Field) getter).getType();
    }

    /**
     * An instance of {@code iface} whose {@code name} method calls {@code getter} (or reads the public
     * field), or null if neither the metafactory nor {@link FieldReaderClass} can reach it.
     */
    private static Object lambda(Member member, Class<?> iface, String name, Class<?> returns) {
        if (member instanceof Field f) {
            return fieldReader(f, iface, name, returns);
        }
        Method getter = (Method) member;
        Class<?> owner = getter.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle target = lookup.unreflect(getter);
            Class<?> erased = returns.isPrimitive() ? returns : Object.class;
            Class<?> instantiated = returns.isPrimitive() ? returns : boxed(getter.getReturnType());
            return LambdaMetafactory.metafactory(lookup, name, MethodType.methodType(iface),
                    MethodType.methodType(erased, Object.class), target, MethodType.methodType(instantiated, owner))
                .getTarget().invoke();
        } catch (Throwable e) { // no full-privilege lookup into the class: fall back to a handle
            return null;
        }
    }

    /** A generated reader class for a public field ({@link FieldReaderClass}), or null. */
    private static Object fieldReader(Field f, Class<?> iface, String name, Class<?> returns) {
        Class<?> t = f.getType();
        if (returns == long.class) {
            return FieldReaderClass.define(f, iface, name, "(Ljava/lang/Object;)J", t == long.class ? -1 : 0x85 /* i2l */, 0xad);
        }
        if (returns == double.class) {
            return FieldReaderClass.define(f, iface, name, "(Ljava/lang/Object;)D", t == double.class ? -1 : 0x8d /* f2d */, 0xaf);
        }
        if (returns == boolean.class) {
            return FieldReaderClass.define(f, iface, name, "(Ljava/lang/Object;)Z", -1, 0xac);
        }
        return t.isPrimitive() ? null : FieldReaderClass.define(f, iface, name, "(Ljava/lang/Object;)Ljava/lang/Object;", -1, 0xb0);
    }

    private static MethodHandle handle(Member getter, Class<?> returns) {
        try {
            MethodHandle h;
            if (getter instanceof Method m) {
                m.setAccessible(true);
                h = MethodHandles.lookup().unreflect(m);
            } else {
                Field f = (Field) getter;
                f.setAccessible(true);
                h = MethodHandles.lookup().unreflectGetter(f);
            }
            return h.asType(MethodType.methodType(returns, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + getter, e);
        }
    }

    private static Class<?> boxed(Class<?> t) {
        return MethodType.methodType(t).wrap().returnType();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
