package dev.runnel.flink;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.plan.FunctionNode;
import dev.runnel.api.plan.JobPlan;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.PlanNode;
import dev.runnel.api.plan.SideOutputNode;
import dev.runnel.api.plan.SourceNode;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.api.plan.UnionNode;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.PatternNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Translates a Runnel {@link JobPlan} onto Flink's DataStream API, node by node from the sources:
 * each plan node becomes the Flink operator of the same meaning with the user's function wrapped.
 * Parallelism follows Runnel's rules (sources 1, keyed steps the job's parallelism, {@code windowAll}
 * and global patterns 1, other steps their input's); each operator gets the step's name as its Flink
 * name and a uid derived from it, so savepoints survive job changes that keep the names.
 */
final class PlanTranslator {
    private final JobPlan plan;
    private final StreamExecutionEnvironment env;
    private final Map<PlanNode<?>, DataStream<Object>> translated = new IdentityHashMap<>();
    private final Map<PlanNode<?>, Integer> parallelism = new IdentityHashMap<>();
    private final Set<String> uids = new HashSet<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();

    PlanTranslator(JobPlan plan, StreamExecutionEnvironment env) {
        this.plan = plan;
        this.env = env;
    }

    void translate() {
        Set<String> explicit = new HashSet<>();
        for (PlanNode<?> named : plan.explicitlyNamed()) {
            if (!(named instanceof SideOutputNode<?>) && !explicit.add(named.name())) {
                throw new IllegalStateException("Operator name '" + named.name() + "' is used twice in the job; "
                    + "names identify operators in metrics and savepoints (on Flink: operator uids), give each a distinct name(...)");
            }
        }
        for (PlanNode<?> sink : plan.sinks()) {
            translate(sink);
        }
    }

    private DataStream<Object> translate(PlanNode<?> node) {
        if (translated.containsKey(node)) {
            return translated.get(node);
        }
        List<DataStream<Object>> inputs = new ArrayList<>();
        for (PlanNode<?> in : node.inputs()) {
            inputs.add(translate(in));
        }
        DataStream<Object> out = translateNode(node, inputs);
        translated.put(node, out);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataStream<Object> translateNode(PlanNode<?> node, List<DataStream<Object>> inputs) {
        if (node instanceof SourceNode<?> s) {
            return source((SourceNode<Object>) s);
        }
        if (node instanceof SideOutputNode<?> side) {
            DataStream<Object> parent = inputs.get(0);
            if (!(parent instanceof SingleOutputStreamOperator<Object> op)) {
                throw new UntranslatableException(node.name(), "a side output of a union has no Flink counterpart");
            }
            parallelism.put(node, parallelism.get(node.inputs().get(0)));
            return op.getSideOutput(SideTags.of(side.tag()));
        }
        if (node instanceof UnionNode<?>) {
            DataStream<Object> first = inputs.get(0);
            int p = 1;
            for (PlanNode<?> in : node.inputs()) {
                p = Math.max(p, parallelism.get(in));
            }
            parallelism.put(node, p);
            return first.union(inputs.subList(1, inputs.size()).toArray(DataStream[]::new));
        }
        if (node instanceof OneInputNode<?, ?> one) {
            int p = one.singleInstance() ? 1 : one.keySelector() != null ? plan.parallelism() : parallelism.get(one.input());
            parallelism.put(node, p);
            if (node instanceof FunctionNode<?, ?> f && f.kind() == FunctionNode.Kind.SINK) {
                sink(node.name(), (Sink<Object>) f.function(), inputs.get(0), p);
                return null; // a sink ends its branch: nothing reads from it
            }
            SingleOutputStreamOperator<Object> op = oneInput(one, inputs.get(0));
            return named(op, node, p);
        }
        if (node instanceof TwoInputNode<?, ?, ?> two) {
            int p = two.keyed() ? plan.parallelism() : parallelism.get(two.inputs().get(0));
            parallelism.put(node, p);
            return named(TwoInputTranslation.translate(two, inputs.get(0), inputs.get(1)), node, p);
        }
        throw new UntranslatableException(node.name(), "the plan node " + node.getClass().getName() + " has no Flink translation");
    }

    @SuppressWarnings("unchecked")
    private DataStream<Object> source(SourceNode<Object> node) {
        Source<Object> source = node.source();
        if (source.getClass().getName().equals(KafkaTranslation.SOURCE_CLASS)) {
            // Runnel's KafkaSource is a parallel source: the job's parallelism unless the stream sets its own, as on Runnel
            KafkaConnectorCheck.require(node.name(), PlanTranslator.class.getClassLoader());
            int p = node.parallelism() > 0 ? node.parallelism() : plan.parallelism();
            parallelism.put(node, p);
            SingleOutputStreamOperator<Object> kafka = KafkaTranslation.source(env, node, p).uid(uid(node.name()));
            return kafka.process(new SourceSideOutputs(), AnyType.INSTANCE).name(node.name() + " side outputs")
                .uid(uid(node.name() + "-side-outputs")).setParallelism(p);
        }
        WatermarkStrategy<Object> strategy = node.watermarkStrategy();
        SourceAdapter adapter = new SourceAdapter(node.name(), source, strategy, plan.autoWatermarkIntervalMillis());
        parallelism.put(node, 1);
        // the reader runs the plan's watermark strategy itself (SourceDriver), so Flink's is noWatermarks()
        SingleOutputStreamOperator<Object> raw = env.fromSource(adapter, org.apache.flink.api.common.eventtime.WatermarkStrategy.noWatermarks(),
            node.name(), AnyType.INSTANCE).setParallelism(1).uid(uid(node.name()));
        return raw.process(new SourceSideOutputs(), AnyType.INSTANCE).name(node.name() + " side outputs")
            .uid(uid(node.name() + "-side-outputs")).setParallelism(1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SingleOutputStreamOperator<Object> oneInput(OneInputNode<?, ?> node, DataStream<Object> input) {
        String name = node.name();
        if (node instanceof WindowNode<?, ?, ?> w) {
            return WindowTranslation.translate(input, w);
        }
        if (node instanceof PatternNode<?, ?> p) {
            return CepTranslation.translate(input, (PatternNode<Object, Object>) p);
        }
        if (!(node instanceof FunctionNode<?, ?> f)) {
            throw new UntranslatableException(name, "the plan node " + node.getClass().getName() + " has no Flink translation");
        }
        Object fn = f.function();
        KeyedStream<Object, Object> keyed = node.keySelector() == null ? null
            : input.keyBy(new SimpleFunctionAdapters.Key((KeySelector<Object, Object>) node.keySelector()), AnyType.INSTANCE);
        DataStream<Object> in = keyed != null ? keyed : input;
        return switch (f.kind()) {
            case MAP -> in.map(new SimpleFunctionAdapters.Map(name, (MapFunction<Object, Object>) fn), AnyType.INSTANCE);
            case FILTER -> in.filter(new SimpleFunctionAdapters.Filter(name, (FilterFunction<Object>) fn));
            case FLAT_MAP -> in.flatMap(new SimpleFunctionAdapters.FlatMap(name, (FlatMapFunction<Object, Object>) fn), AnyType.INSTANCE);
            case PROCESS -> in.process(new ProcessAdapter(name, (ProcessFunction<Object, Object>) fn), AnyType.INSTANCE);
            case KEYED_PROCESS -> keyed.process(new KeyedProcessAdapter(name, (KeyedProcessFunction<Object, Object, Object>) fn),
                AnyType.INSTANCE);
            case KEYED_REDUCE -> keyed.reduce(new FlinkReduce((ReduceFunction<Object>) fn));
            case TIMESTAMPS_AND_WATERMARKS -> timestampsAndWatermarks(name, (WatermarkStrategy<Object>) fn, in);
            case SINK -> throw new IllegalStateException("sinks are translated by translateNode");
        };
    }

    private SingleOutputStreamOperator<Object> timestampsAndWatermarks(String name, WatermarkStrategy<Object> strategy, DataStream<Object> in) {
        if (strategy.futureEventGuard() != null) {
            throw new UntranslatableException(name, "assignTimestampsAndWatermarks with a future-event guard: Flink's "
                + "timestamps-and-watermarks operator has no side output for the diverted events; put the guard on the "
                + "source's WatermarkStrategy instead");
        }
        return in.assignTimestampsAndWatermarks(new FlinkWatermarkStrategy(Shipped.of(strategy, "the watermark strategy of '" + name + "'")));
    }

    private void sink(String name, Sink<Object> sink, DataStream<Object> in, int p) {
        if (sink instanceof ExactlyOnceFileSink<Object> files) {
            ExactlyOnceFileSinkTranslation.sinkTo(name, files, in).name(name).uid(uid(name)).setParallelism(p);
            return;
        }
        if (sink.getClass().getName().equals(KafkaTranslation.SINK_CLASS)) {
            KafkaConnectorCheck.require(name, PlanTranslator.class.getClassLoader());
            KafkaTranslation.sinkTo(name, sink, in).name(name).uid(uid(name)).setParallelism(p);
            return;
        }
        if (sink instanceof TwoPhaseCommitSink<?>) {
            throw new UntranslatableException(name, sink.getClass().getSimpleName() + " is a two-phase-commit sink whose "
                + "transactions are tied to Runnel's checkpoints; on Flink write with Flink's own exactly-once sinks "
                + "(Runnel's ExactlyOnceFileSink is translated onto Flink's FileSink)");
        }
        in.addSink(new SinkAdapter(name, Shipped.of(sink, "sink '" + name + "' (" + sink.getClass().getName() + ")")))
            .name(name).uid(uid(name)).setParallelism(p);
    }

    private DataStream<Object> named(SingleOutputStreamOperator<Object> op, PlanNode<?> node, int p) {
        return op.name(node.name()).uid(uid(node.name())).setParallelism(p);
    }

    /** The step's name, made unique: explicit names are unique already, default names ("Map") get a count. */
    private String uid(String name) {
        String candidate = name;
        while (!uids.add(candidate)) {
            candidate = name + "-" + nameCounts.merge(name, 2, (a, b) -> a + 1);
        }
        return candidate;
    }
}
