package dev.runnel.api.typeinfo;

import dev.runnel.api.java.tuple.Tuple;
import dev.runnel.api.types.Either;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flink's type constants and factories ({@code Types.STRING}, {@code Types.TUPLE(Types.STRING,
 * Types.INT)}, ...), for arguments a ported program passes. Runnel needs no type information (see
 * {@link TypeInformation}); these only carry the class. {@code ROW} and {@code VALUE} are missing:
 * Runnel has no {@code Row} or {@code Value} types.
 */
public final class Types {
    private Types() {}

    public static final TypeInformation<Void> VOID = TypeInformation.of(Void.class);
    public static final TypeInformation<String> STRING = TypeInformation.of(String.class);
    public static final TypeInformation<Byte> BYTE = TypeInformation.of(Byte.class);
    public static final TypeInformation<Boolean> BOOLEAN = TypeInformation.of(Boolean.class);
    public static final TypeInformation<Short> SHORT = TypeInformation.of(Short.class);
    public static final TypeInformation<Integer> INT = TypeInformation.of(Integer.class);
    public static final TypeInformation<Long> LONG = TypeInformation.of(Long.class);
    public static final TypeInformation<Float> FLOAT = TypeInformation.of(Float.class);
    public static final TypeInformation<Double> DOUBLE = TypeInformation.of(Double.class);
    public static final TypeInformation<Character> CHAR = TypeInformation.of(Character.class);
    public static final TypeInformation<BigDecimal> BIG_DEC = TypeInformation.of(BigDecimal.class);
    public static final TypeInformation<BigInteger> BIG_INT = TypeInformation.of(BigInteger.class);
    public static final TypeInformation<java.sql.Date> SQL_DATE = TypeInformation.of(java.sql.Date.class);
    public static final TypeInformation<java.sql.Time> SQL_TIME = TypeInformation.of(java.sql.Time.class);
    public static final TypeInformation<java.sql.Timestamp> SQL_TIMESTAMP = TypeInformation.of(java.sql.Timestamp.class);
    public static final TypeInformation<LocalDate> LOCAL_DATE = TypeInformation.of(LocalDate.class);
    public static final TypeInformation<LocalTime> LOCAL_TIME = TypeInformation.of(LocalTime.class);
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = TypeInformation.of(LocalDateTime.class);
    public static final TypeInformation<Instant> INSTANT = TypeInformation.of(Instant.class);

    /** A tuple of the given field types; Runnel has tuples up to {@link Tuple#MAX_ARITY} fields. */
    @SuppressWarnings("unchecked")
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        Class<T> tupleClass = (Class<T>) Tuple.getTupleClass(types.length);
        return new TypeInformation<>(tupleClass, tupleClass.getSimpleName() + "<" + names(types) + ">");
    }

    /** A tuple subclass (Flink reads its field types from the class; Runnel needs only the class). */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        return TypeInformation.of(tupleSubclass);
    }

    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return TypeInformation.of(pojoClass);
    }

    /** A POJO with the given field types; the field types are accepted and not checked (Runnel never reads them). */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        return TypeInformation.of(pojoClass);
    }

    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return TypeInformation.of(genericClass);
    }

    /** An array of primitives, e.g. {@code PRIMITIVE_ARRAY(Types.INT)} for {@code int[]}. */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Class<?> boxed = elementType.getTypeClass();
        Class<?> primitive = java.lang.invoke.MethodType.methodType(boxed).unwrap().returnType();
        if (!primitive.isPrimitive() || primitive == void.class) {
            throw new IllegalArgumentException("Not a primitive type: " + elementType);
        }
        return TypeInformation.of(primitive.arrayType());
    }

    @SuppressWarnings("unchecked")
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        return new TypeInformation<>((Class<E[]>) elementType.getTypeClass().arrayType(), elementType + "[]");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new TypeInformation<>((Class) Map.class, "Map<" + names(keyType, valueType) + ">");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new TypeInformation<>((Class) List.class, "List<" + elementType + ">");
    }

    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return TypeInformation.of(enumType);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <L, R> TypeInformation<Either<L, R>> EITHER(TypeInformation<L> leftType, TypeInformation<R> rightType) {
        return new TypeInformation<>((Class) Either.class, "Either<" + names(leftType, rightType) + ">");
    }

    private static String names(TypeInformation<?>... types) {
        return Arrays.stream(types).map(TypeInformation::toString).collect(Collectors.joining(", "));
    }
}
