package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.BroadcastProcessFunction;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.KeyedStateFunction;
import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReadOnlyBroadcastState;
import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** Runnel's broadcast process functions inside Flink's: broadcast state, timers and keyed state are Flink's. */
final class BroadcastAdapters {
    private BroadcastAdapters() {}

    static final class Process extends org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction<Object, Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final BroadcastProcessFunction<Object, Object, Object> fn;

        Process(String name, BroadcastProcessFunction<Object, Object, Object> fn) {
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
        public void processElement(Object value, ReadOnlyContext ctx, Collector<Object> out) throws Exception {
            fn.processElement(value, fn.new ReadOnlyContext() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public long currentProcessingTime() {
                    return ctx.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return ctx.currentWatermark();
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }

                @Override
                public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                    return new BroadcastStateAdapter.ReadOnly<>(ctx.getBroadcastState(FlinkDescriptors.map(d)));
                }
            }, out::collect);
        }

        @Override
        public void processBroadcastElement(Object value, Context ctx, Collector<Object> out) throws Exception {
            fn.processBroadcastElement(value, fn.new Context() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public long currentProcessingTime() {
                    return ctx.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return ctx.currentWatermark();
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }

                @Override
                public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> d) {
                    return new BroadcastStateAdapter.Writable<>(ctx.getBroadcastState(FlinkDescriptors.map(d)));
                }
            }, out::collect);
        }
    }

    static final class KeyedProcess
            extends org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction<Object, Object, Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final KeyedBroadcastProcessFunction<Object, Object, Object, Object> fn;

        KeyedProcess(String name, KeyedBroadcastProcessFunction<Object, Object, Object, Object> fn) {
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
        public void processElement(Object value, ReadOnlyContext ctx, Collector<Object> out) throws Exception {
            fn.processElement(value, readOnly(ctx), out::collect);
        }

        private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.ReadOnlyContext readOnly(ReadOnlyContext ctx) {
            return fn.new ReadOnlyContext() {
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
                public <BK, BV> ReadOnlyBroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> d) {
                    return new BroadcastStateAdapter.ReadOnly<>(ctx.getBroadcastState(FlinkDescriptors.map(d)));
                }
            };
        }

        @Override
        public void processBroadcastElement(Object value, Context ctx, Collector<Object> out) throws Exception {
            fn.processBroadcastElement(value, fn.new Context() {
                @Override
                public Long timestamp() {
                    return ctx.timestamp();
                }

                @Override
                public long currentProcessingTime() {
                    return ctx.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return ctx.currentWatermark();
                }

                @Override
                public <X> void output(OutputTag<X> tag, X v) {
                    ctx.output(SideTags.of(tag), v);
                }

                @Override
                public <BK, BV> BroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> d) {
                    return new BroadcastStateAdapter.Writable<>(ctx.getBroadcastState(FlinkDescriptors.map(d)));
                }

                @Override
                @SuppressWarnings({"unchecked", "rawtypes"})
                public <S extends State> void applyToKeyedState(StateDescriptor<?> d, KeyedStateFunction<Object, S> function)
                        throws Exception {
                    ctx.applyToKeyedState((org.apache.flink.api.common.state.StateDescriptor) FlinkDescriptors.of(d),
                        (key, state) -> function.process(key, (S) StateAdapters.wrap(d, (org.apache.flink.api.common.state.State) state)));
                }
            }, out::collect);
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
                public <BK, BV> ReadOnlyBroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> d) {
                    return new BroadcastStateAdapter.ReadOnly<>(ctx.getBroadcastState(FlinkDescriptors.map(d)));
                }

                @Override
                public TimeDomain timeDomain() {
                    return TimeDomains.of(ctx.timeDomain());
                }
            }, out::collect);
        }
    }
}
