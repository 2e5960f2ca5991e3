package dev.runnel.api.time;

import java.io.Serializable;

/** Flink's name for a timestamp assigner that can travel with the job; the type lambdas usually take. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
