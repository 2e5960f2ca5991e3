package dev.runnel.api;

/**
 * Flink's (deprecated) stream time setting, accepted by {@link StreamEnvironment#setStreamTimeCharacteristic}
 * for ported programs. As in Flink since 1.12 it picks nothing about windows (each window assigner says
 * whether it is event or processing time); {@link #ProcessingTime} turns periodic watermarks off.
 */
public enum TimeCharacteristic {
    ProcessingTime,
    IngestionTime,
    EventTime
}
