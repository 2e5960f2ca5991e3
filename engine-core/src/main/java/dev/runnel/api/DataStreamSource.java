package dev.runnel.api;

import dev.runnel.api.plan.SourceNode;

/** The stream a source produces (Flink's declared type for {@code fromSource}, {@code fromElements}, ...). */
public final class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    DataStreamSource(StreamEnvironment environment, SourceNode<T> node) {
        super(environment, node);
    }
}
