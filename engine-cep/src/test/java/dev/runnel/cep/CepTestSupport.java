package dev.runnel.cep;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobResult;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.functions.TimedOutPartialMatchHandler;
import dev.runnel.cep.pattern.Pattern;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/** Events, runners and match formatting shared by the CEP tests. */
final class CepTestSupport {
    private CepTestSupport() {}

    /** The event of Flink's CEP tests: an id, a name and a price. Printed as its id. */
    record Event(int id, String name, double price) implements Serializable {
        @Override
        public String toString() {
            return Integer.toString(id);
        }
    }

    /** A keyed event. */
    record Keyed(String key, int id, String name, double price) implements Serializable {
        @Override
        public String toString() {
            return key + ":" + id;
        }
    }

    static Event ev(int id, String name, double price) {
        return new Event(id, name, price);
    }

    /** "stage=[ids] stage=[ids]" in the match's stage order. */
    static String format(Map<String, ? extends List<?>> match) {
        StringJoiner j = new StringJoiner(" ");
        match.forEach((stage, events) -> j.add(stage + "=" + events));
        return j.toString();
    }

    /** What one job produced: matches, timed-out partial matches (with their time) and late events. */
    record Result(List<String> matches, List<String> timeouts, List<String> late, JobResult job) {}

    static final OutputTag<String> TIMEOUTS = OutputTag.of("timeouts", String.class);

    /** Formats matches (main output, "@ts" appended when {@code withTime}) and timed-out partial matches. */
    static final class Formatter<T> extends PatternProcessFunction<T, String> implements TimedOutPartialMatchHandler<T> {
        private final boolean withTime;

        Formatter(boolean withTime) {
            this.withTime = withTime;
        }

        @Override
        public void processMatch(Map<String, List<T>> match, Context ctx, Collector<String> out) {
            out.collect(format(match) + (withTime ? " @" + ctx.timestamp() : ""));
        }

        @Override
        public void processTimedOutMatch(Map<String, List<T>> match, Context ctx) {
            ctx.output(TIMEOUTS, format(match) + " @" + ctx.timestamp());
        }
    }

    /** Runs a pattern in event time over the scripted (value, timestamp) events of a single stream. */
    static <T> Result run(Pattern<T, ?> pattern, ScriptedSource<T> script) {
        return run(pattern, script, UnaryOperator.identity(), false);
    }

    static <T> Result run(Pattern<T, ?> pattern, ScriptedSource<T> script, UnaryOperator<PatternStream<T>> configure,
            boolean withTime) {
        return runOn(env -> env.fromSource(script, WatermarkStrategy.noWatermarks(), "events"), pattern, configure, withTime,
            StreamEnvironment.create());
    }

    static final OutputTag<Object> LATE = OutputTag.of("late", Object.class);

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Result runOn(java.util.function.Function<StreamEnvironment, DataStream<T>> input, Pattern<T, ?> pattern,
            UnaryOperator<PatternStream<T>> configure, boolean withTime, StreamEnvironment env) {
        DataStream<T> events = input.apply(env);
        PatternStream<T> ps = configure.apply(CEP.pattern(events, pattern).sideOutputLateData((OutputTag) LATE));
        DataStream<String> out = ps.process(new Formatter<>(withTime));
        CollectSink<String> matches = new CollectSink<>();
        CollectSink<String> timeouts = new CollectSink<>();
        CollectSink<Object> late = new CollectSink<>();
        out.addSink(matches);
        out.getSideOutput(TIMEOUTS).addSink(timeouts);
        out.getSideOutput(LATE).addSink(late);
        JobResult job = env.execute("cep-test");
        List<String> lateOut = new ArrayList<>();
        for (Object o : late.values()) {
            lateOut.add(String.valueOf(o));
        }
        return new Result(matches.values(), timeouts.values(), lateOut, job);
    }

    /** A script with events at timestamps 1, 2, 3, ... in the given order. */
    @SafeVarargs
    static <T> ScriptedSource<T> inOrder(T... events) {
        ScriptedSource<T> s = ScriptedSource.create();
        long ts = 1;
        for (T e : events) {
            s.event(e, ts++);
        }
        return s;
    }
}
