package dev.runnel.api;

import dev.runnel.api.plan.PlanNode;

/** A sink added to a job; only its name can still be set. */
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
}
