package dev.runnel.cep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Turns each match into one result. */
@FunctionalInterface
public interface PatternSelectFunction<IN, OUT> extends Serializable {
    OUT select(Map<String, List<IN>> pattern) throws Exception;
}
