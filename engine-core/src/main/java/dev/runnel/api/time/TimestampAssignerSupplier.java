package dev.runnel.api.time;

import java.io.Serializable;

/** Creates the timestamp assigner of each source (or operator) instance, as Flink's supplier does. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** Nothing yet: kept so that Flink's supplier lambdas ({@code ctx -> ...}) port as they are. */
    interface Context {}

    /** A supplier that hands out {@code assigner} itself (it must be safe to share, or stateless). */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}
