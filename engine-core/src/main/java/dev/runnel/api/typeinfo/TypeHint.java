package dev.runnel.api.typeinfo;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type, as Flink's: {@code new TypeHint<Tuple2<String, Long>>() {}}. The type
 * argument is read from the anonymous subclass.
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType p)) {
            throw new IllegalStateException("TypeHint must be created as an anonymous subclass with a type argument: "
                + "new TypeHint<Tuple2<String, Long>>() {}");
        }
        Type argument = p.getActualTypeArguments()[0];
        this.typeInfo = new TypeInformation<>(rawClass(argument), argument.getTypeName());
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return (Class<T>) c;
        }
        if (type instanceof ParameterizedType p) {
            return rawClass(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            return (Class<T>) rawClass(a.getGenericComponentType()).arrayType();
        }
        throw new IllegalStateException("TypeHint needs a concrete type, not the type variable " + type);
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeHint<?> other && other.typeInfo.equals(typeInfo);
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
