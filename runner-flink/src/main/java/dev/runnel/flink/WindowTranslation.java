package dev.runnel.flink;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.EventTimeTrigger;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.ProcessingTimeSessionWindows;
import dev.runnel.api.windowing.ProcessingTimeTrigger;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.SlidingProcessingTimeWindows;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import org.apache.flink.streaming.api.datastream.AllWindowedStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;

/**
 * A {@link WindowNode} onto Flink's windowed streams: each Runnel assigner becomes the Flink
 * assigner of the same name and parameters (a user-defined assigner is refused: its windows would
 * have to be Flink's window type); a trigger other than the assigner's default runs inside a
 * {@link TriggerAdapter}; lateness and the late-data tag carry over; reduce / aggregate run
 * incrementally in Flink's window state, with the window function (if any) wrapped.
 */
final class WindowTranslation {
    private WindowTranslation() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    static SingleOutputStreamOperator<Object> translate(DataStream<Object> input, WindowNode<?, ?, ?> node) {
        var assigner = flinkAssigner(node);
        boolean defaultTrigger = node.trigger() == null || node.trigger() == node.assigner().getDefaultTrigger()
            || node.trigger() instanceof EventTimeTrigger && node.assigner().isEventTime()
            || node.trigger() instanceof ProcessingTimeTrigger && !node.assigner().isEventTime();
        Object incremental = node.incremental();
        Object windowFn = node.windowFunction();
        if (node.allWindows()) {
            AllWindowedStream ws = input.windowAll((org.apache.flink.streaming.api.windowing.assigners.WindowAssigner) assigner);
            if (!defaultTrigger) {
                ws = ws.trigger(new TriggerAdapter<>(node.trigger()));
            }
            if (node.allowedLateness() > 0) {
                ws = ws.allowedLateness(Duration.ofMillis(node.allowedLateness()));
            }
            if (node.lateDataTag() != null) {
                ws = ws.sideOutputLateData(SideTags.of(node.lateDataTag()));
            }
            AllWindowFunctionAdapter fn = windowFn == null ? null : new AllWindowFunctionAdapter<>(node.name(), windowFn);
            if (incremental instanceof ReduceFunction<?> r) {
                FlinkReduce reduce = new FlinkReduce((ReduceFunction<Object>) r);
                return fn == null ? ws.reduce(reduce) : ws.reduce(reduce, fn, AnyType.INSTANCE);
            }
            if (incremental instanceof AggregateFunction<?, ?, ?> a) {
                FlinkAggregate agg = new FlinkAggregate((AggregateFunction<Object, Object, Object>) a);
                return fn == null ? ws.aggregate(agg, AnyType.INSTANCE, AnyType.INSTANCE)
                    : ws.aggregate(agg, fn, AnyType.INSTANCE, AnyType.INSTANCE, AnyType.INSTANCE);
            }
            return ws.process(fn, AnyType.INSTANCE);
        }
        WindowedStream ws = input.keyBy(new SimpleFunctionAdapters.Key((KeySelector<Object, Object>) node.keySelector()), AnyType.INSTANCE)
            .window((org.apache.flink.streaming.api.windowing.assigners.WindowAssigner) assigner);
        if (!defaultTrigger) {
            ws = ws.trigger(new TriggerAdapter<>(node.trigger()));
        }
        if (node.allowedLateness() > 0) {
            ws = ws.allowedLateness(Duration.ofMillis(node.allowedLateness()));
        }
        if (node.lateDataTag() != null) {
            ws = ws.sideOutputLateData(SideTags.of(node.lateDataTag()));
        }
        WindowFunctionAdapter fn = windowFn == null ? null : new WindowFunctionAdapter<>(node.name(), windowFn);
        if (incremental instanceof ReduceFunction<?> r) {
            FlinkReduce reduce = new FlinkReduce((ReduceFunction<Object>) r);
            return fn == null ? ws.reduce(reduce) : ws.reduce(reduce, fn, AnyType.INSTANCE);
        }
        if (incremental instanceof AggregateFunction<?, ?, ?> a) {
            FlinkAggregate agg = new FlinkAggregate((AggregateFunction<Object, Object, Object>) a);
            return fn == null ? ws.aggregate(agg, AnyType.INSTANCE, AnyType.INSTANCE)
                : ws.aggregate(agg, fn, AnyType.INSTANCE, AnyType.INSTANCE, AnyType.INSTANCE);
        }
        return ws.process(fn, AnyType.INSTANCE);
    }

    private static Object flinkAssigner(WindowNode<?, ?, ?> node) {
        WindowAssigner<?, ?> a = node.assigner();
        if (a instanceof TumblingEventTimeWindows t) {
            return org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(ms(t.size()), ms(t.offset()));
        } else if (a instanceof SlidingEventTimeWindows s) {
            return org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows.of(ms(s.size()), ms(s.slide()), ms(s.offset()));
        } else if (a instanceof TumblingProcessingTimeWindows t) {
            return org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows.of(ms(t.size()), ms(t.offset()));
        } else if (a instanceof SlidingProcessingTimeWindows s) {
            return org.apache.flink.streaming.api.windowing.assigners.SlidingProcessingTimeWindows.of(ms(s.size()), ms(s.slide()),
                ms(s.offset()));
        } else if (a instanceof EventTimeSessionWindows s) {
            return org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows.withGap(ms(s.gap()));
        } else if (a instanceof ProcessingTimeSessionWindows s) {
            return org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows.withGap(ms(s.gap()));
        } else if (a instanceof GlobalWindows) {
            return org.apache.flink.streaming.api.windowing.assigners.GlobalWindows.create();
        }
        throw new UntranslatableException(node.name(), "its window assigner " + a.getClass().getName() + " is user-defined; "
            + "Flink needs an assigner of its own window types, so only Runnel's built-in assigners are translated");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
