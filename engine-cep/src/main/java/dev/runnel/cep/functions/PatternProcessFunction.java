package dev.runnel.cep.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.Collector;
import java.util.List;
import java.util.Map;

/**
 * Called once per match with the matched events per stage (stages in pattern order). Implement
 * {@link TimedOutPartialMatchHandler} as well to receive partial matches pruned by {@code within}.
 * At parallelism above one each subtask gets its own copy (by serialization), as for other rich
 * functions.
 */
public abstract class PatternProcessFunction<IN, OUT> extends dev.runnel.api.functions.AbstractRichFunction {
    public abstract void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception;

    /** Time of the match and access to side outputs. */
    public interface Context {
        /** Event time (or processing time) of the event that completed the match, or the time a partial match expired. */
        long timestamp();

        long currentProcessingTime();

        <X> void output(OutputTag<X> outputTag, X value);
    }
}
