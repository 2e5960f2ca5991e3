package dev.runnel.api.typeinfo;

import dev.runnel.api.java.tuple.Tuple;
import java.util.Objects;

/**
 * The type of a stream's or a state's values, accepted where Flink takes one ({@code returns(...)},
 * state descriptors, {@code fromData(type, ...)}) so that ported programs compile unchanged.
 * Runnel itself needs no type information: records are never serialized on the hot path, and
 * checkpoints serialize state by its runtime class. It keeps only the class (and a readable name).
 */
public class TypeInformation<T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;
    private final String name;

    TypeInformation(Class<T> typeClass, String name) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
        this.name = Objects.requireNonNull(name, "name");
    }

    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return new TypeInformation<>(typeClass, typeClass.getTypeName());
    }

    /** The type captured by an anonymous subclass: {@code TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {})}. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }

    /** The (raw) class of the values. */
    public Class<T> getTypeClass() {
        return typeClass;
    }

    public boolean isTupleType() {
        return Tuple.class.isAssignableFrom(typeClass);
    }

    /** The number of fields: a tuple's arity, 1 for any other type (as in Flink). */
    public int getArity() {
        if (isTupleType()) {
            for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
                if (Tuple.getTupleClass(arity) == typeClass) {
                    return arity;
                }
            }
        }
        return 1;
    }

    /**
     * A serializer for the values, as Flink's {@code createSerializer}: Java serialization (Runnel's
     * default for checkpointed state). Accepted where Flink programs pass one on (a {@code DeltaTrigger}'s
     * state); the config is not needed.
     */
    public dev.runnel.checkpoint.TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new JavaSerializer<>(typeClass);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeInformation<?> other && other.typeClass == typeClass && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
