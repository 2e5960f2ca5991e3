package dev.runnel.cep;

import dev.runnel.api.functions.Collector;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Turns each match into any number of results. */
@FunctionalInterface
public interface PatternFlatSelectFunction<IN, OUT> extends Serializable {
    void flatSelect(Map<String, List<IN>> pattern, Collector<OUT> out) throws Exception;
}
