package dev.runnel.cep.functions;

import java.util.List;
import java.util.Map;

/** Mix into a {@link PatternProcessFunction} to receive partial matches that {@code within} pruned. */
public interface TimedOutPartialMatchHandler<IN> {
    /** {@code ctx.timestamp()} is when the partial match expired (first event time plus the window). */
    void processTimedOutMatch(Map<String, List<IN>> match, PatternProcessFunction.Context ctx) throws Exception;
}
