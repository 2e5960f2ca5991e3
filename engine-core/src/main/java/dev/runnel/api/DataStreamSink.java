package dev.runnel.api;

import dev.runnel.runtime.graph.Transformation;

/** A sink added to a job; only its name can still be set. */
public final class DataStreamSink<T> {
    private final StreamEnvironment environment;
    private final Transformation<Void> transformation;

    DataStreamSink(StreamEnvironment environment, Transformation<Void> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public DataStreamSink<T> name(String name) {
        environment.rename(transformation, name);
        return this;
    }
}
