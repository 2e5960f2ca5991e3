package dev.runnel.window;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.windowing.EventTimeTrigger;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TriggerResult;
import dev.runnel.api.windowing.Window;
import java.util.ArrayList;
import java.util.List;

/** Events and functions shared by the window tests. */
final class WindowTestSupport {
    private WindowTestSupport() {}

    record Ev(String key, long ts, int value) {
        @Override
        public String toString() {
            return key + ":" + value;
        }
    }

    static Ev ev(String key, long ts, int value) {
        return new Ev(key, ts, value);
    }

    /** Sums values. */
    static class Sum implements AggregateFunction<Ev, long[], Long> {
        public long[] createAccumulator() {
            return new long[1];
        }

        public long[] add(Ev e, long[] acc) {
            acc[0] += e.value();
            return acc;
        }

        public Long getResult(long[] acc) {
            return acc[0];
        }

        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** Prints "key [start,end) v1,v2,...". */
    static final class ListElements extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            List<String> vs = new ArrayList<>();
            for (Ev e : elements) {
                vs.add(Integer.toString(e.value()));
            }
            out.collect(key + " [" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") " + String.join(",", vs));
        }
    }

    /** Prints "key [start,end) result". */
    static final class Describe<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<V> elements, Collector<String> out) {
            out.collect(key + " [" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") " + elements.iterator().next());
        }
    }

    /**
     * Behaves exactly like the default {@link EventTimeTrigger}, but is not that instance, so the
     * windowed stream runs on the general per-window operator instead of the sliced fast path: tests
     * run both paths with the same expectations.
     */
    static final class GeneralPathTrigger extends Trigger<Object, Window> {
        private final EventTimeTrigger delegate = EventTimeTrigger.create();

        @Override
        public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
            return delegate.onElement(element, timestamp, window, ctx);
        }

        @Override
        public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
            return delegate.onEventTime(time, window, ctx);
        }

        @Override
        public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
            return delegate.onProcessingTime(time, window, ctx);
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(Window window, TriggerContext ctx) {
            delegate.onMerge(window, ctx);
        }

        @Override
        public void clear(Window window, TriggerContext ctx) {
            delegate.clear(window, ctx);
        }
    }
}
