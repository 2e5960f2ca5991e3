package dev.runnel.cep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Turns a timed-out partial match into one side-output record. */
@FunctionalInterface
public interface PatternTimeoutFunction<IN, OUT> extends Serializable {
    OUT timeout(Map<String, List<IN>> pattern, long timeoutTimestamp) throws Exception;
}
