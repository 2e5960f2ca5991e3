package dev.runnel.flink;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The one Flink type of every stream, key and state value of a translated job. Runnel's API carries
 * no type information (records are plain Java objects, often records), and Flink's Kryo fallback
 * cannot rebuild Java records on Java 17, so values travel with {@link AnySerializer}: the encoding
 * Runnel itself uses for checkpoints.
 */
public final class AnyType extends TypeInformation<Object> {
    private static final long serialVersionUID = 1L;
    public static final AnyType INSTANCE = new AnyType();

    @SuppressWarnings("unchecked")
    public static <T> TypeInformation<T> get() {
        return (TypeInformation<T>) (TypeInformation<?>) INSTANCE;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Object> getTypeClass() {
        return Object.class;
    }

    @Override
    public boolean isKeyType() {
        return true; // keys are grouped by hashCode/equals, as on Runnel
    }

    @Override
    public TypeSerializer<Object> createSerializer(ExecutionConfig config) {
        return AnySerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "RunnelAny";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AnyType;
    }

    @Override
    public int hashCode() {
        return AnyType.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof AnyType;
    }
}
