package dev.runnel.flink;

import dev.runnel.cep.PatternNode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Runnel's pattern step onto Flink CEP. */
final class CepTranslation {
    private CepTranslation() {}

    static SingleOutputStreamOperator<Object> translate(DataStream<Object> input, PatternNode<Object, Object> node) {
        throw new UntranslatableException(node.name(), "patterns are not translated yet");
    }
}
