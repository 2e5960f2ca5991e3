package dev.runnel.flink;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.util.Collector;

/** Runnel's map, filter, flatMap and key selector inside Flink's rich functions; a Runnel RichFunction is opened and closed with them. */
final class SimpleFunctionAdapters {
    private SimpleFunctionAdapters() {}

    static final class Map extends RichMapFunction<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final MapFunction<Object, Object> fn;

        Map(String name, MapFunction<Object, Object> fn) {
            this.name = name;
            this.fn = fn;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            RuntimeContextAdapter.open(fn, name, getRuntimeContext());
        }

        @Override
        public Object map(Object value) throws Exception {
            return fn.map(value);
        }

        @Override
        public void close() throws Exception {
            RuntimeContextAdapter.close(fn);
        }
    }

    static final class Filter extends RichFilterFunction<Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final FilterFunction<Object> fn;

        Filter(String name, FilterFunction<Object> fn) {
            this.name = name;
            this.fn = fn;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            RuntimeContextAdapter.open(fn, name, getRuntimeContext());
        }

        @Override
        public boolean filter(Object value) throws Exception {
            return fn.filter(value);
        }

        @Override
        public void close() throws Exception {
            RuntimeContextAdapter.close(fn);
        }
    }

    static final class FlatMap extends RichFlatMapFunction<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final FlatMapFunction<Object, Object> fn;

        FlatMap(String name, FlatMapFunction<Object, Object> fn) {
            this.name = name;
            this.fn = fn;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            RuntimeContextAdapter.open(fn, name, getRuntimeContext());
        }

        @Override
        public void flatMap(Object value, Collector<Object> out) throws Exception {
            fn.flatMap(value, out::collect);
        }

        @Override
        public void close() throws Exception {
            RuntimeContextAdapter.close(fn);
        }
    }

    static final class Key implements org.apache.flink.api.java.functions.KeySelector<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<Object, Object> fn;

        Key(KeySelector<Object, Object> fn) {
            this.fn = fn;
        }

        @Override
        public Object getKey(Object value) throws Exception {
            return fn.getKey(value);
        }
    }
}
