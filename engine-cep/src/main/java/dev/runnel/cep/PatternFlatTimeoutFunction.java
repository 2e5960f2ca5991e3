package dev.runnel.cep;

import dev.runnel.api.functions.Collector;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Turns a timed-out partial match into any number of side-output records. */
@FunctionalInterface
public interface PatternFlatTimeoutFunction<IN, OUT> extends Serializable {
    void timeout(Map<String, List<IN>> pattern, long timeoutTimestamp, Collector<OUT> out) throws Exception;
}
