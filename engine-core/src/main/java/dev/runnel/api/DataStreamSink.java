package dev.runnel.api;

import dev.runnel.api.plan.PlanNode;

/** A sink added to a job; its name, uid and parallelism can still be set, as in Flink. */
public final class DataStreamSink<T> {
    private final StreamEnvironment environment;
    private final PlanNode<Void> node;

    DataStreamSink(StreamEnvironment environment, PlanNode<Void> node) {
        this.environment = environment;
        this.node = node;
    }

    public DataStreamSink<T> name(String name) {
        environment.rename(node, name);
        return this;
    }

    /** A stable id for the sink's state (a two-phase sink's pending output) in checkpoints; unique in a job. */
    public DataStreamSink<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    /** Runs the sink with {@code parallelism} instances instead of its input's. */
    public DataStreamSink<T> setParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > StreamEnvironment.MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be at least 1 and at most " + StreamEnvironment.MAX_PARALLELISM
                + ", got " + parallelism);
        }
        node.setParallelism(parallelism);
        return this;
    }
}
