package dev.runnel.api.typeinfo;

/**
 * Flink's {@code SerializerConfig} (from {@code env.getConfig().getSerializerConfig()}), accepted
 * where ported programs pass it to {@link TypeInformation#createSerializer}. Runnel registers state
 * serializers with {@code StreamEnvironment.registerTypeSerializer}; there is nothing to configure here.
 */
public final class SerializerConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public static final SerializerConfig DEFAULT = new SerializerConfig();

    private SerializerConfig() {}
}
