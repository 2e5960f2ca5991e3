package dev.runnel.cep.operator;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.Collector;
import dev.runnel.cep.PatternFlatSelectFunction;
import dev.runnel.cep.PatternFlatTimeoutFunction;
import dev.runnel.cep.PatternSelectFunction;
import dev.runnel.cep.PatternTimeoutFunction;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.functions.TimedOutPartialMatchHandler;
import java.util.List;
import java.util.Map;

/** {@code select}/{@code flatSelect} (optionally with a timeout side output) expressed as process functions. */
public final class SelectAdapters {
    private SelectAdapters() {}

    public static <IN, OUT> PatternProcessFunction<IN, OUT> select(PatternSelectFunction<IN, OUT> select) {
        return new PatternProcessFunction<>() {
            @Override
            public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
                out.collect(select.select(match));
            }
        };
    }

    public static <IN, OUT> PatternProcessFunction<IN, OUT> flatSelect(PatternFlatSelectFunction<IN, OUT> select) {
        return new PatternProcessFunction<>() {
            @Override
            public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
                select.flatSelect(match, out);
            }
        };
    }

    public static <IN, L, OUT> PatternProcessFunction<IN, OUT> selectWithTimeout(PatternSelectFunction<IN, OUT> select,
            OutputTag<L> timeoutTag, PatternTimeoutFunction<IN, L> timeout) {
        return new WithTimeout<>(select(select), (match, ctx) -> ctx.output(timeoutTag, timeout.timeout(match, ctx.timestamp())));
    }

    public static <IN, L, OUT> PatternProcessFunction<IN, OUT> flatSelectWithTimeout(PatternFlatSelectFunction<IN, OUT> select,
            OutputTag<L> timeoutTag, PatternFlatTimeoutFunction<IN, L> timeout) {
        return new WithTimeout<>(flatSelect(select),
            (match, ctx) -> timeout.timeout(match, ctx.timestamp(), value -> ctx.output(timeoutTag, value)));
    }

    /** Serializable, so that the lambdas above are: the function is serialized into per-subtask copies and by engines that ship it. */
    private interface TimeoutHandler<IN> extends TimedOutPartialMatchHandler<IN>, java.io.Serializable {}

    private static final class WithTimeout<IN, OUT> extends PatternProcessFunction<IN, OUT> implements TimedOutPartialMatchHandler<IN> {
        private final PatternProcessFunction<IN, OUT> onMatch;
        private final TimeoutHandler<IN> onTimeout;

        WithTimeout(PatternProcessFunction<IN, OUT> onMatch, TimeoutHandler<IN> onTimeout) {
            this.onMatch = onMatch;
            this.onTimeout = onTimeout;
        }

        @Override
        public void processMatch(Map<String, List<IN>> match, Context ctx, Collector<OUT> out) throws Exception {
            onMatch.processMatch(match, ctx, out);
        }

        @Override
        public void processTimedOutMatch(Map<String, List<IN>> match, Context ctx) throws Exception {
            onTimeout.processTimedOutMatch(match, ctx);
        }
    }
}
