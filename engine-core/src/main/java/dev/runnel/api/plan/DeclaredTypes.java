package dev.runnel.api.plan;

import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.source.CollectionSource;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * The class of a plan node's records when the program declares it: the elements of
 * {@code fromElements}/{@code fromCollection}, the output type argument of a map, flatMap or process
 * function written as a class ({@code class Tokenizer implements FlatMapFunction<String, Tuple2<...>>}),
 * carried through steps that keep the type (filter, rolling reduce, timestamps). Lambdas erase their
 * types, so after one the class is unknown ({@code null}). Used to check field names and positions
 * of built-in aggregations when the job is defined, as Flink does with its type information.
 */
public final class DeclaredTypes {
    private DeclaredTypes() {}

    /** The records' class, or {@code null} if the plan does not say. */
    public static Class<?> of(PlanNode<?> node) {
        if (node instanceof SourceNode<?> s) {
            return s.source() instanceof CollectionSource<?> c ? c.elementClass() : null;
        }
        if (node instanceof FunctionNode<?, ?> f) {
            return switch (f.kind()) {
                case FILTER, KEYED_REDUCE, TIMESTAMPS_AND_WATERMARKS -> of(f.input());
                case MAP -> typeArgument(f.function().getClass(), MapFunction.class, 1);
                case FLAT_MAP -> typeArgument(f.function().getClass(), FlatMapFunction.class, 1);
                case PROCESS -> typeArgument(f.function().getClass(), ProcessFunction.class, 1);
                case KEYED_PROCESS -> typeArgument(f.function().getClass(), KeyedProcessFunction.class, 2);
                case SINK -> null;
            };
        }
        if (node instanceof WindowNode<?, ?, ?> w && w.windowFunction() == null
                && w.incremental() instanceof dev.runnel.api.functions.ReduceFunction<?>) {
            return of(w.input());
        }
        return null;
    }

    /** The concrete class bound to {@code target}'s type parameter {@code index} in {@code type}'s hierarchy, or null. */
    static Class<?> typeArgument(Class<?> type, Class<?> target, int index) {
        if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
            return null;
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        Type found = find(type, target, bindings);
        if (!(found instanceof ParameterizedType p)) {
            return null;
        }
        Type arg = p.getActualTypeArguments()[index];
        while (arg instanceof TypeVariable<?> v && bindings.containsKey(v)) {
            arg = bindings.get(v);
        }
        Class<?> c = arg instanceof Class<?> k ? k : arg instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> r ? r : null;
        return c == null || c.isInterface() || Modifier.isAbstract(c.getModifiers()) ? null : c;
    }

    private static Type find(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw = type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
        if (raw == null) {
            return null;
        }
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] vars = raw.getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                bindings.put(vars[i], p.getActualTypeArguments()[i]);
            }
        }
        if (raw == target) {
            return type;
        }
        for (Type i : raw.getGenericInterfaces()) {
            Type t = find(i, target, bindings);
            if (t != null) {
                return t;
            }
        }
        return raw.getGenericSuperclass() == null ? null : find(raw.getGenericSuperclass(), target, bindings);
    }
}
