package dev.runnel.api;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.sink.PrintSink;
import dev.runnel.api.plan.FunctionNode;
import dev.runnel.api.plan.FunctionNode.Kind;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.PlanNode;
import dev.runnel.api.plan.SideOutputNode;
import dev.runnel.api.plan.UnionNode;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.typeinfo.TypeInformation;
import dev.runnel.api.windowing.CountEvictor;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.PurgingTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A stream of records of type {@code T}; each call records a step of the job in its logical plan
 * ({@link dev.runnel.api.plan}) and returns the step's output. Nothing runs until {@code execute}.
 */
public class DataStream<T> {
    protected final StreamEnvironment environment;
    protected final PlanNode<T> node;

    public DataStream(StreamEnvironment environment, PlanNode<T> node) {
        this.environment = environment;
        this.node = node;
    }

    public StreamEnvironment environment() {
        return environment;
    }

    /** The plan node whose output this stream is. */
    public PlanNode<T> node() {
        return node;
    }

    /** Adds a step reading this stream; public so that extension modules (CEP) can add their own plan nodes. */
    public <R> SingleOutputStreamOperator<R> append(OneInputNode<T, R> step) {
        if (step.input() != node) {
            throw new IllegalArgumentException("Step '" + step.name() + "' does not read this stream");
        }
        return new SingleOutputStreamOperator<>(environment, step);
    }

    private <R> SingleOutputStreamOperator<R> function(String name, Kind kind, Object function) {
        return append(new FunctionNode<>(node, name, kind, function, null));
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return function("Map", Kind.MAP, mapper);
    }

    /** As {@link #map(MapFunction)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        return map(mapper);
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        Objects.requireNonNull(filter, "filter");
        return function("Filter", Kind.FILTER, filter);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        Objects.requireNonNull(flatMapper, "flatMapper");
        return function("FlatMap", Kind.FLAT_MAP, flatMapper);
    }

    /** As {@link #flatMap(FlatMapFunction)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        return flatMap(flatMapper);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
        Objects.requireNonNull(function, "function");
        return function("Process", Kind.PROCESS, function);
    }

    /** As {@link #process(ProcessFunction)}; the type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function, TypeInformation<R> outputType) {
        Objects.requireNonNull(outputType, "outputType");
        return process(function);
    }

    /** Windows over the whole (non-keyed) stream, evaluated by a single operator instance. */
    public <W extends dev.runnel.api.windowing.Window> AllWindowedStream<T, W> windowAll(
            dev.runnel.api.windowing.WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Tumbling count windows over the whole stream (one instance): fire and purge every {@code size} elements. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows over the whole stream: every {@code slide} elements, fire over the last {@code size}. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        return new KeyedStream<>(this, Objects.requireNonNull(keySelector, "keySelector"));
    }

    /**
     * Flink's deprecated key by tuple positions: {@code keyBy(0)}. The key is a tuple of those fields
     * ({@code Tuple1} for one), as in Flink.
     *
     * @deprecated as in Flink; use {@link #keyBy(KeySelector)}, e.g. {@code keyBy(t -> t.f0)}.
     */
    @Deprecated
    public KeyedStream<T, dev.runnel.api.java.tuple.Tuple> keyBy(int... fields) {
        return keyBy(FieldKeySelector.<T>positions(fields));
    }

    /**
     * Flink's deprecated key by field names: public fields or getters of a POJO, or "f0", "f1" of a
     * tuple. The key is a tuple of those fields, as in Flink. Nested names ("a.b") are not supported.
     *
     * @deprecated as in Flink; use {@link #keyBy(KeySelector)}.
     */
    @Deprecated
    public KeyedStream<T, dev.runnel.api.java.tuple.Tuple> keyBy(String... fields) {
        return keyBy(FieldKeySelector.<T>names(fields));
    }

    /** Flink's name for {@link #environment()}. */
    public StreamEnvironment getExecutionEnvironment() {
        return environment;
    }

    /**
     * Flink's {@code getType()}, for programs that pass the stream's type on (Flink's TopSpeedWindowing
     * example builds a {@code DeltaTrigger}'s serializer from it). Runnel does not track a stream's
     * element type, so this is the type of {@code Object}: good for {@link TypeInformation#createSerializer},
     * not for asking which class the records have.
     */
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getType() {
        return (TypeInformation<T>) TypeInformation.of(Object.class);
    }

    /** As {@link #keyBy(KeySelector)}; the key type is accepted for Flink programs and not needed (see {@link TypeInformation}). */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
        Objects.requireNonNull(keyType, "keyType");
        return keyBy(keySelector);
    }

    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<PlanNode<?>> inputs = new ArrayList<>();
        inputs.add(node);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("Cannot union streams of different StreamEnvironments");
            }
            inputs.add(other.node);
        }
        return new DataStream<>(environment, new UnionNode<T>(inputs));
    }

    /** Connects this stream with another, possibly of another type, for a function with a method per input. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        return new ConnectedStreams<>(this, Objects.requireNonNull(other, "other"));
    }

    /** Joins this stream with {@code other} per key and window: {@code join(other).where(..).equalTo(..).window(..).apply(..)}. */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, Objects.requireNonNull(other, "other"));
    }

    /** Groups this stream and {@code other} per key and window: {@code coGroup(other).where(..).equalTo(..).window(..).apply(..)}. */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        return new CoGroupedStreams<>(this, Objects.requireNonNull(other, "other"));
    }

    /** Connects this stream (keyed or not) with a broadcast stream (the broadcast state pattern). */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcast) {
        return new BroadcastConnectedStream<>(this, Objects.requireNonNull(broadcast, "broadcast"));
    }

    /**
     * Makes this stream a broadcast stream: every parallel instance of the operator it is connected
     * to receives all of it, and keeps the broadcast state {@code descriptors} declares.
     */
    public BroadcastStream<T> broadcast(dev.runnel.api.state.MapStateDescriptor<?, ?>... descriptors) {
        if (descriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor for the broadcast state");
        }
        return new BroadcastStream<>(this, List.of(descriptors));
    }

    /**
     * Re-stamps records and generates watermarks here; watermarks from upstream are dropped (except
     * the final one at end of input), as in Flink.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        Objects.requireNonNull(strategy, "strategy");
        return function("Timestamps/Watermarks", Kind.TIMESTAMPS_AND_WATERMARKS, strategy);
    }

    /** Flink's deprecated periodic assigner, kept for programs that still use it. */
    @Deprecated
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
            dev.runnel.api.functions.AssignerWithPeriodicWatermarks<T> assigner) {
        return assignTimestampsAndWatermarks(dev.runnel.api.time.LegacyAssignerStrategies.periodic(assigner));
    }

    /** Flink's deprecated punctuated assigner, kept for programs that still use it. */
    @Deprecated
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(
            dev.runnel.api.functions.AssignerWithPunctuatedWatermarks<T> assigner) {
        return assignTimestampsAndWatermarks(dev.runnel.api.time.LegacyAssignerStrategies.punctuated(assigner));
    }

    /** The records an upstream process function sent to {@code tag}. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        Objects.requireNonNull(tag, "tag");
        return new DataStream<>(environment, new SideOutputNode<>(node, tag));
    }

    /** Names this step (in metrics, errors and savepoints). Explicit names must be unique in a job. */
    public DataStream<T> name(String name) {
        environment.rename(node, name);
        return this;
    }

    public DataStreamSink<T> addSink(Sink<T> sink) {
        return addSink(sink, "Sink");
    }

    private DataStreamSink<T> addSink(Sink<T> sink, String defaultName) {
        Objects.requireNonNull(sink, "sink");
        FunctionNode<T, Void> t = new FunctionNode<>(node, defaultName, Kind.SINK, sink, null);
        environment.addSink(t);
        return new DataStreamSink<>(environment, t);
    }

    /** Flink's name for adding a sink such as a connector's ({@code KafkaSink}, {@code DiscardingSink}): {@link #addSink}. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        return addSink(sink);
    }

    /** Prints each record on standard output. A default name, as Flink's: a job may have several print sinks. */
    public DataStreamSink<T> print() {
        return addSink(new PrintSink<>(null), "Print");
    }

    /** Prints each record as "prefix> record". */
    public DataStreamSink<T> print(String prefix) {
        return addSink(new PrintSink<>(prefix), "Print(" + prefix + ")");
    }

    /**
     * Runs the job (it must be bounded) and returns this stream's records, in arrival order at the sink.
     * Flink's {@code executeAndCollect()} returns a {@code CloseableIterator}; Runnel's returns the list
     * (see docs/porting.md); {@link #executeAndCollect(String)} returns an iterator as Flink's does.
     */
    public List<T> executeAndCollect() {
        CollectSink<T> sink = new CollectSink<>();
        addSink(sink);
        environment.execute("collect");
        return sink.values();
    }

    /**
     * Flink's form: runs the job {@code jobName} and iterates this stream's records. The job must be
     * bounded: it runs to completion before the iterator is returned (Flink's iterator streams results
     * while the job runs); use {@link #executeAndCollect(String, int)} on an unbounded stream.
     */
    public CloseableIterator<T> executeAndCollect(String jobName) {
        CollectSink<T> sink = new CollectSink<>();
        addSink(sink);
        environment.execute(jobName);
        return CloseableIterator.fromList(sink.values());
    }

    /** The first {@code limit} records of this stream (fewer if the job ends before); the job is then cancelled. */
    public List<T> executeAndCollect(int limit) {
        return executeAndCollect("DataStream Collect", limit);
    }

    /** As {@link #executeAndCollect(int)}, naming the job. Works on unbounded streams. */
    public List<T> executeAndCollect(String jobName, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Limit must be positive, got " + limit);
        }
        FirstRecordsSink<T> sink = new FirstRecordsSink<>(limit);
        addSink(sink);
        JobClient client = environment.executeAsync(jobName);
        try {
            while (!client.isDone()) {
                if (sink.awaitFull(20)) {
                    client.cancel();
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.cancel();
        }
        client.await();
        return sink.values();
    }
}
