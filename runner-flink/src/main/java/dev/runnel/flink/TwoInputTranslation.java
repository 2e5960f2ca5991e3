package dev.runnel.flink;

import dev.runnel.api.plan.TwoInputNode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Two-input steps (connect, co-process, broadcast). */
final class TwoInputTranslation {
    private TwoInputTranslation() {}

    static SingleOutputStreamOperator<Object> translate(TwoInputNode<?, ?, ?> node, DataStream<Object> first, DataStream<Object> second) {
        throw new UntranslatableException(node.name(), "two-input steps (" + node.kind() + ") are not translated yet");
    }
}
