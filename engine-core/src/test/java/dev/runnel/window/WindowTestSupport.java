package dev.runnel.window;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.windowing.TimeWindow;
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
    static final class Sum implements AggregateFunction<Ev, long[], Long> {
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
}
