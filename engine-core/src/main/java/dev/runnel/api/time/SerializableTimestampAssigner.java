package dev.runnel.api.time;

/**
 * Flink's name for a timestamp assigner that can be serialized, the type of lambdas passed to
 * {@code withTimestampAssigner}; ported programs that declare one keep the name.
 */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, java.io.Serializable {}
