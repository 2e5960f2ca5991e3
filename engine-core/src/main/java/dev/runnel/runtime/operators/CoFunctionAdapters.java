package dev.runnel.runtime.operators;

import dev.runnel.api.functions.CoFlatMapFunction;
import dev.runnel.api.functions.CoMapFunction;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.RuntimeContext;

/** Co-map and co-flatMap functions as co-process functions, so one operator runs all three. */
public final class CoFunctionAdapters {
    private CoFunctionAdapters() {}

    public static <A, B, R> CoProcessFunction<A, B, R> map(CoMapFunction<A, B, R> f) {
        return new CoProcessFunction<>() {
            @Override
            public void processElement1(A value, Context ctx, Collector<R> out) throws Exception {
                out.collect(f.map1(value));
            }

            @Override
            public void processElement2(B value, Context ctx, Collector<R> out) throws Exception {
                out.collect(f.map2(value));
            }

            @Override
            public void open(RuntimeContext context) throws Exception {
                UserFunctions.open(f, context);
            }

            @Override
            public void close() throws Exception {
                UserFunctions.close(f);
            }
        };
    }

    public static <A, B, R> CoProcessFunction<A, B, R> flatMap(CoFlatMapFunction<A, B, R> f) {
        return new CoProcessFunction<>() {
            @Override
            public void processElement1(A value, Context ctx, Collector<R> out) throws Exception {
                f.flatMap1(value, out);
            }

            @Override
            public void processElement2(B value, Context ctx, Collector<R> out) throws Exception {
                f.flatMap2(value, out);
            }

            @Override
            public void open(RuntimeContext context) throws Exception {
                UserFunctions.open(f, context);
            }

            @Override
            public void close() throws Exception {
                UserFunctions.close(f);
            }
        };
    }

    @SuppressWarnings("unchecked")
    public static <A, B, R> CoProcessFunction<A, B, R> of(Object function, boolean flat) {
        return flat ? flatMap((CoFlatMapFunction<A, B, R>) function) : map((CoMapFunction<A, B, R>) function);
    }
}
