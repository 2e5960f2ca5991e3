package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.functions.TimedOutPartialMatchHandler;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** A Runnel {@link PatternProcessFunction} as Flink's; {@link WithTimeouts} also hands timed-out partial matches on. */
class PatternProcessAdapter extends org.apache.flink.cep.functions.PatternProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String name;
    final PatternProcessFunction<Object, Object> fn;

    PatternProcessAdapter(String name, PatternProcessFunction<Object, Object> fn) {
        this.name = name;
        this.fn = fn;
    }

    static PatternProcessAdapter of(String name, PatternProcessFunction<Object, Object> fn) {
        return fn instanceof TimedOutPartialMatchHandler<?> ? new WithTimeouts(name, fn) : new PatternProcessAdapter(name, fn);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        RuntimeContextAdapter.open(fn, name, getRuntimeContext());
    }

    @Override
    public void close() throws Exception {
        RuntimeContextAdapter.close(fn);
    }

    @Override
    public void processMatch(Map<String, List<Object>> match, Context ctx, Collector<Object> out) throws Exception {
        fn.processMatch(match, context(ctx), out::collect);
    }

    static PatternProcessFunction.Context context(org.apache.flink.cep.functions.PatternProcessFunction.Context ctx) {
        return new PatternProcessFunction.Context() {
            @Override
            public long timestamp() {
                return ctx.timestamp();
            }

            @Override
            public long currentProcessingTime() {
                return ctx.currentProcessingTime();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                ctx.output(SideTags.of(tag), value);
            }
        };
    }

    /** Flink calls the timeout handler only on functions that implement its interface. */
    static final class WithTimeouts extends PatternProcessAdapter
            implements org.apache.flink.cep.functions.TimedOutPartialMatchHandler<Object> {
        private static final long serialVersionUID = 1L;

        WithTimeouts(String name, PatternProcessFunction<Object, Object> fn) {
            super(name, fn);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void processTimedOutMatch(Map<String, List<Object>> match, Context ctx) throws Exception {
            ((TimedOutPartialMatchHandler<Object>) fn).processTimedOutMatch(match, context(ctx));
        }
    }
}
