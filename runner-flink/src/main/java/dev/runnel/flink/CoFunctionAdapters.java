package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.CoFlatMapFunction;
import dev.runnel.api.functions.CoMapFunction;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.co.RichCoFlatMapFunction;
import org.apache.flink.streaming.api.functions.co.RichCoMapFunction;
import org.apache.flink.util.Collector;

/** Runnel's functions of connected streams (co-map, co-flatMap, co-process, keyed co-process) inside Flink's. */
final class CoFunctionAdapters {
    private CoFunctionAdapters() {}

    static final class CoMap extends RichCoMapFunction<Object, Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final CoMapFunction<Object, Object, Object> fn;

        CoMap(String name, CoMapFunction<Object, Object, Object> fn) {
            this.name = name;
            this.fn = fn;
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
        public Object map1(Object value) throws Exception {
            return fn.map1(value);
        }

        @Override
        public Object map2(Object value) throws Exception {
            return fn.map2(value);
        }
    }

    static final class CoFlatMap extends RichCoFlatMapFunction<Object, Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final CoFlatMapFunction<Object, Object, Object> fn;

        CoFlatMap(String name, CoFlatMapFunction<Object, Object, Object> fn) {
            this.name = name;
            this.fn = fn;
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
        public void flatMap1(Object value, Collector<Object> out) throws Exception {
            fn.flatMap1(value, out::collect);
        }

        @Override
        public void flatMap2(Object value, Collector<Object> out) throws Exception {
            fn.flatMap2(value, out::collect);
        }
    }

    static final class CoProcess extends org.apache.flink.streaming.api.functions.co.CoProcessFunction<Object, Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final CoProcessFunction<Object, Object, Object> fn;

        CoProcess(String name, CoProcessFunction<Object, Object, Object> fn) {
            this.name = name;
            this.fn = fn;
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
        public void processElement1(Object value, Context ctx, Collector<Object> out) throws Exception {
            fn.processElement1(value, context(ctx), out::collect);
        }

        @Override
        public void processElement2(Object value, Context ctx, Collector<Object> out) throws Exception {
            fn.processElement2(value, context(ctx), out::collect);
        }

        private CoProcessFunction<Object, Object, Object>.Context context(Context ctx) {
            return fn.new Context() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public TimerService timerService() {
                    return new TimerServiceAdapter(ctx.timerService());
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }
            };
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
            fn.onTimer(timestamp, fn.new OnTimerContext() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public TimerService timerService() {
                    return new TimerServiceAdapter(ctx.timerService());
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }

                @Override
                public TimeDomain timeDomain() {
                    return TimeDomains.of(ctx.timeDomain());
                }
            }, out::collect);
        }
    }

    static final class KeyedCoProcess extends org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction<Object, Object, Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final KeyedCoProcessFunction<Object, Object, Object, Object> fn;

        KeyedCoProcess(String name, KeyedCoProcessFunction<Object, Object, Object, Object> fn) {
            this.name = name;
            this.fn = fn;
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
        public void processElement1(Object value, Context ctx, Collector<Object> out) throws Exception {
            fn.processElement1(value, context(ctx), out::collect);
        }

        @Override
        public void processElement2(Object value, Context ctx, Collector<Object> out) throws Exception {
            fn.processElement2(value, context(ctx), out::collect);
        }

        private KeyedCoProcessFunction<Object, Object, Object, Object>.Context context(Context ctx) {
            return fn.new Context() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public TimerService timerService() {
                    return new TimerServiceAdapter(ctx.timerService());
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }

                @Override
                public Object getCurrentKey() {
                    return ctx.getCurrentKey();
                }
            };
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
            fn.onTimer(timestamp, fn.new OnTimerContext() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public TimerService timerService() {
                    return new TimerServiceAdapter(ctx.timerService());
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }

                @Override
                public Object getCurrentKey() {
                    return ctx.getCurrentKey();
                }

                @Override
                public TimeDomain timeDomain() {
                    return TimeDomains.of(ctx.timeDomain());
                }
            }, out::collect);
        }
    }
}
