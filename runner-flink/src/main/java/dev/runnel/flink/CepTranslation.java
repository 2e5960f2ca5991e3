package dev.runnel.flink;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.cep.PatternNode;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.PatternStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Runnel's pattern step onto Flink CEP: the pattern rebuilt by {@link PatternTranslation}, matched
 * per key on a keyed input (on one instance otherwise, as on Runnel), in event or processing time,
 * with the comparator for equal timestamps, the late-data tag, and the process function wrapped
 * (its timeout handler included).
 */
final class CepTranslation {
    private CepTranslation() {}

    @SuppressWarnings("unchecked")
    static SingleOutputStreamOperator<Object> translate(DataStream<Object> input, PatternNode<Object, Object> node) {
        var pattern = new PatternTranslation(node.name()).translate(node.pattern());
        DataStream<Object> in = node.keySelector() == null ? input
            : input.keyBy(new SimpleFunctionAdapters.Key((KeySelector<Object, Object>) node.keySelector()), AnyType.INSTANCE);
        PatternStream<Object> matches = node.comparator() == null ? CEP.pattern(in, pattern)
            : CEP.pattern(in, pattern, node.comparator()::compare);
        matches = node.processingTime() ? matches.inProcessingTime() : matches.inEventTime();
        if (node.lateDataTag() != null) {
            matches = matches.sideOutputLateData(SideTags.of(node.lateDataTag()));
        }
        try {
            // Flink compiles the pattern here; what its compiler rejects is refused before the job runs
            return matches.process(PatternProcessAdapter.of(node.name(), node.function()), AnyType.INSTANCE);
        } catch (org.apache.flink.cep.pattern.MalformedPatternException e) {
            throw new UntranslatableException(node.name(), "Flink CEP rejects the pattern: " + e.getMessage());
        }
    }
}
