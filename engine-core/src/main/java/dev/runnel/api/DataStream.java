package dev.runnel.api;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.sink.PrintSink;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.runtime.graph.OneInputTransformation;
import dev.runnel.runtime.graph.OperatorFactory;
import dev.runnel.runtime.graph.SideOutputTransformation;
import dev.runnel.runtime.graph.Transformation;
import dev.runnel.runtime.graph.UnionTransformation;
import dev.runnel.runtime.operators.FilterOperator;
import dev.runnel.runtime.operators.FlatMapOperator;
import dev.runnel.runtime.operators.MapOperator;
import dev.runnel.runtime.operators.ProcessOperator;
import dev.runnel.runtime.operators.SinkOperator;
import dev.runnel.runtime.operators.TimestampsAndWatermarksOperator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A stream of records of type {@code T}; each call adds a step to the job and returns its output. */
public class DataStream<T> {
    protected final StreamEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamEnvironment environment() {
        return environment;
    }

    public Transformation<T> transformation() {
        return transformation;
    }

    /** Adds an operator reading this stream; public so that extension modules (CEP) can add theirs. */
    public <R> DataStream<R> transform(String name, OperatorFactory<T, R> factory) {
        return new DataStream<>(environment, new OneInputTransformation<>(transformation, name, factory, null, false));
    }

    /** Adds an operator that sees the whole stream in one instance, whatever the parallelism. */
    public <R> DataStream<R> transformSingle(String name, OperatorFactory<T, R> factory) {
        return new DataStream<>(environment, new OneInputTransformation<>(transformation, name, factory, null, true));
    }

    public <R> DataStream<R> map(MapFunction<T, R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return transform("Map", i -> new MapOperator<>(Functions.copyFor(i, mapper)));
    }

    public DataStream<T> filter(FilterFunction<T> filter) {
        Objects.requireNonNull(filter, "filter");
        return transform("Filter", i -> new FilterOperator<>(Functions.copyFor(i, filter)));
    }

    public <R> DataStream<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        Objects.requireNonNull(flatMapper, "flatMapper");
        return transform("FlatMap", i -> new FlatMapOperator<>(Functions.copyFor(i, flatMapper)));
    }

    public <R> DataStream<R> process(ProcessFunction<T, R> function) {
        Objects.requireNonNull(function, "function");
        return transform("Process", i -> new ProcessOperator<>(Functions.copyFor(i, function)));
    }

    /** Windows over the whole (non-keyed) stream, evaluated by a single operator instance. */
    public <W extends dev.runnel.api.windowing.Window> AllWindowedStream<T, W> windowAll(
            dev.runnel.api.windowing.WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        return new KeyedStream<>(this, Objects.requireNonNull(keySelector, "keySelector"));
    }

    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<?>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("Cannot union streams of different StreamEnvironments");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<T>(inputs));
    }

    /**
     * Re-stamps records and generates watermarks here; watermarks from upstream are dropped (except
     * the final one at end of input), as in Flink.
     */
    public DataStream<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        Objects.requireNonNull(strategy, "strategy");
        long interval = environment.autoWatermarkIntervalMillis();
        return transform("Timestamps/Watermarks", i -> new TimestampsAndWatermarksOperator<>(strategy, interval));
    }

    /** The records an upstream process function sent to {@code tag}. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        Objects.requireNonNull(tag, "tag");
        return new DataStream<>(environment, new SideOutputTransformation<>(transformation, tag));
    }

    /** Names this step (in metrics, errors and savepoints). Explicit names must be unique in a job. */
    public DataStream<T> name(String name) {
        environment.rename(transformation, name);
        return this;
    }

    public DataStreamSink<T> addSink(Sink<T> sink) {
        Objects.requireNonNull(sink, "sink");
        OneInputTransformation<T, Void> t =
            new OneInputTransformation<>(transformation, "Sink", i -> new SinkOperator<>(sink), null, false);
        environment.addSink(t);
        return new DataStreamSink<>(environment, t);
    }

    /** Flink's name for {@link #addSink}: connectors' sinks ({@code KafkaSink}, file sinks) are attached with it. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return addSink(sink);
    }

    public DataStreamSink<T> print() {
        return addSink(new PrintSink<>(null)).name("Print");
    }

    public DataStreamSink<T> print(String prefix) {
        return addSink(new PrintSink<>(prefix)).name("Print(" + prefix + ")");
    }

    /** Runs the job (it must be bounded) and returns this stream's records, in arrival order at the sink. */
    public List<T> executeAndCollect() {
        CollectSink<T> sink = new CollectSink<>();
        addSink(sink);
        environment.execute("collect");
        return sink.values();
    }
}
