package dev.runnel.connector.kafka.source;

/** Where a partition without a usable committed offset starts (the values of Kafka's {@code auto.offset.reset}). */
public enum OffsetResetStrategy {
    EARLIEST, LATEST, NONE;

    String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
