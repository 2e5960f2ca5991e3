package dev.runnel.runtime;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.time.Clock;
import dev.runnel.runtime.exchange.Channel;
import dev.runnel.runtime.exchange.ChannelReader;
import dev.runnel.runtime.exchange.ChannelTarget;
import dev.runnel.runtime.exchange.ChannelWriter;
import dev.runnel.runtime.exchange.PartitionOutput;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.PlanNode;
import dev.runnel.api.plan.SideOutputNode;
import dev.runnel.api.plan.SourceNode;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.api.plan.UnionNode;
import dev.runnel.runtime.graph.LocalPlanning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The local back end: turns the job's logical plan into tasks. Every node gets a parallelism (sources 1, parallel
 * sources the job's; after a keyed edge
 * the job's parallelism; windowAll 1; otherwise its input's) and a stage: an edge that changes
 * parallelism, partitions by key at parallelism above one, or joins different stages is an
 * exchange through channels and starts a new stage. Nodes of one (stage, parallelism) form one
 * task per subtask, chained by direct calls. At parallelism 1 the whole job is one task on one
 * thread with no channels at all.
 */
final class JobPlanner {
    private record Edge(PlanNode<?> from, PlanNode<?> to, int inputIndex) {}

    private final int parallelism;
    private final Clock clock;
    private final long watermarkInterval;
    private final int timersPerWatermarkStep;
    private final JobExecution job;
    private final List<PlanNode<?>> order = new ArrayList<>();
    private final Map<PlanNode<?>, List<Edge>> consumers = new IdentityHashMap<>();
    private final Map<PlanNode<?>, Integer> par = new IdentityHashMap<>();
    private final Map<PlanNode<?>, Integer> stage = new IdentityHashMap<>();
    private final Map<Edge, Channel[][]> exchanges = new HashMap<>();
    private final Map<PlanNode<?>, String> ids = new IdentityHashMap<>();

    JobPlanner(int parallelism, Clock clock, long watermarkInterval, int timersPerWatermarkStep, JobExecution job) {
        this.parallelism = parallelism;
        this.clock = clock;
        this.watermarkInterval = watermarkInterval;
        this.timersPerWatermarkStep = timersPerWatermarkStep;
        this.job = job;
    }

    List<Task> plan(List<PlanNode<?>> sinks, Set<PlanNode<?>> explicitlyNamed) {
        Set<PlanNode<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (PlanNode<?> s : sinks) {
            visit(s, seen);
        }
        assignIds(explicitlyNamed);
        job.registerInputs(graphByName());
        for (PlanNode<?> t : order) {
            assignParallelismAndStage(t);
        }
        for (PlanNode<?> t : order) {
            List<PlanNode<?>> inputs = t.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                Edge e = new Edge(inputs.get(i), t, i);
                if (isExchange(e)) {
                    exchanges.put(e, channels(e));
                }
            }
        }
        Map<String, List<PlanNode<?>>> groups = new LinkedHashMap<>();
        for (PlanNode<?> t : order) {
            groups.computeIfAbsent(stage.get(t) + "/" + par.get(t), k -> new ArrayList<>()).add(t);
        }
        List<Task> tasks = new ArrayList<>();
        for (List<PlanNode<?>> nodes : groups.values()) {
            int p = par.get(nodes.get(0));
            for (int subtask = 0; subtask < p; subtask++) {
                tasks.add(buildTask("stage" + stage.get(nodes.get(0)) + "-" + subtask, nodes, subtask));
            }
        }
        return tasks;
    }

    private void visit(PlanNode<?> t, Set<PlanNode<?>> seen) {
        if (!seen.add(t)) {
            return;
        }
        List<PlanNode<?>> inputs = t.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            visit(inputs.get(i), seen);
            consumers.computeIfAbsent(inputs.get(i), k -> new ArrayList<>()).add(new Edge(inputs.get(i), t, i));
        }
        order.add(t);
    }

    /** Each operator's inputs by name, looking through unions and side outputs (they have no metrics of their own). */
    private Map<String, List<String>> graphByName() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (PlanNode<?> t : order) {
            if (t instanceof UnionNode<?> || t instanceof SideOutputNode<?>) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            for (PlanNode<?> in : t.inputs()) {
                addOperatorNames(in, names);
            }
            graph.put(id(t), List.copyOf(names));
        }
        return graph;
    }

    private void addOperatorNames(PlanNode<?> node, Set<String> names) {
        if (node instanceof UnionNode<?> || node instanceof SideOutputNode<?>) {
            for (PlanNode<?> in : node.inputs()) {
                addOperatorNames(in, names);
            }
        } else {
            names.add(id(node));
        }
    }

    /**
     * Gives every step the id its metrics, errors and checkpointed state go by: its uid when the user
     * set one (uids must be unique, as in Flink), otherwise its name, with a suffix ("-2", "-3") when
     * another step already has it. Steps the user named keep their name before unnamed ones are
     * numbered, so adding an unnamed step does not move a named step's state.
     */
    private void assignIds(Set<PlanNode<?>> explicitlyNamed) {
        Set<String> taken = new java.util.HashSet<>();
        for (PlanNode<?> t : order) {
            if (t.uid() != null && !(t instanceof SideOutputNode)) {
                if (!taken.add(t.uid())) {
                    throw new IllegalStateException("uid '" + t.uid() + "' is used twice in the job; a uid identifies one "
                        + "operator's state in checkpoints, give each operator its own");
                }
                ids.put(t, t.uid());
            }
        }
        for (boolean named : new boolean[] {true, false}) {
            for (PlanNode<?> t : order) {
                if (t.uid() == null && !(t instanceof SideOutputNode) && explicitlyNamed.contains(t) == named) {
                    String candidate = t.name();
                    for (int n = 2; !taken.add(candidate); n++) {
                        candidate = t.name() + "-" + n;
                    }
                    ids.put(t, candidate);
                }
            }
        }
    }

    private String id(PlanNode<?> t) {
        return ids.getOrDefault(t, t.name());
    }

    /** The parallelism the user set on {@code t}, or {@code fallback}. */
    private static int explicitOr(PlanNode<?> t, int fallback) {
        return t.parallelism() > 0 ? t.parallelism() : fallback;
    }

    private void assignParallelismAndStage(PlanNode<?> t) {
        if (t instanceof SourceNode<?> src) {
            // parallel sources (splits: Kafka partitions) run at the job's parallelism, as in Flink; others on one thread
            par.put(t, src.source() instanceof dev.runnel.api.source.ParallelSource<?> ? explicitOr(t, parallelism) : 1);
            stage.put(t, 0);
        } else if (t instanceof SideOutputNode<?>) {
            PlanNode<?> parent = t.inputs().get(0);
            par.put(t, par.get(parent));
            stage.put(t, stage.get(parent));
        } else if (t instanceof OneInputNode<?, ?> one) {
            PlanNode<?> in = t.inputs().get(0);
            int p = one.singleInstance() ? 1 : explicitOr(t, one.keySelector() != null ? parallelism : par.get(in));
            par.put(t, p);
            boolean exchange = p != par.get(in) || (one.keySelector() != null && p > 1);
            stage.put(t, stage.get(in) + (exchange ? 1 : 0));
        } else if (t instanceof TwoInputNode<?, ?, ?> two) {
            int p = explicitOr(t, two.keyed() ? parallelism : par.get(t.inputs().get(0)));
            par.put(t, p);
            int s = 0;
            for (int i = 0; i < 2; i++) {
                PlanNode<?> in = t.inputs().get(i);
                boolean exchange = p != par.get(in) || partitioned(two, i, p);
                s = Math.max(s, stage.get(in) + (exchange ? 1 : 0));
            }
            stage.put(t, s);
        } else if (t instanceof UnionNode<?>) {
            int p = 1;
            for (PlanNode<?> in : t.inputs()) {
                p = Math.max(p, par.get(in));
            }
            int s = 0;
            for (PlanNode<?> in : t.inputs()) {
                s = Math.max(s, stage.get(in) + (par.get(in) != p ? 1 : 0));
            }
            par.put(t, p);
            stage.put(t, s);
        } else {
            throw new IllegalStateException("Unknown transformation " + t);
        }
    }

    /** Whether input {@code index} of {@code two} must be partitioned (by key) or broadcast to its {@code p} instances. */
    private boolean partitioned(TwoInputNode<?, ?, ?> two, int index, int p) {
        return (two.keySelector(index) != null && p > 1) || (index == 1 && two.broadcastsSecond() && p > 1);
    }

    private boolean isExchange(Edge e) {
        if (e.to instanceof SideOutputNode<?>) {
            return false;
        }
        if (e.to instanceof TwoInputNode<?, ?, ?> two && partitioned(two, e.inputIndex, par.get(e.to))) {
            return true;
        }
        if (e.to instanceof OneInputNode<?, ?> one && one.keySelector() != null && par.get(e.to) > 1) {
            return true;
        }
        return !Objects.equals(par.get(e.from), par.get(e.to)) || !Objects.equals(stage.get(e.from), stage.get(e.to));
    }

    private Channel[][] channels(Edge e) {
        int from = par.get(e.from);
        int to = par.get(e.to);
        Channel[][] ch = new Channel[from][to];
        boolean keyed = (e.to instanceof OneInputNode<?, ?> one && one.keySelector() != null)
            || (e.to instanceof TwoInputNode<?, ?, ?> two && (two.keySelector(e.inputIndex) != null
                || (e.inputIndex == 1 && two.broadcastsSecond())));
        for (int i = 0; i < from; i++) {
            for (int j = 0; j < to; j++) {
                boolean used = keyed || to == 1 || from != to || i == j;
                if (used) {
                    ch[i][j] = new Channel();
                }
            }
        }
        return ch;
    }

    /** The producer node whose operator instance emits the records of {@code t} (side outputs: the parent). */
    private static PlanNode<?> physical(PlanNode<?> t) {
        while (t instanceof SideOutputNode<?>) {
            t = t.inputs().get(0);
        }
        return t;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Task buildTask(String name, List<PlanNode<?>> nodes, int subtask) {
        Task task = new Task(name, job);
        Map<PlanNode<?>, Operator<?, ?>> operators = new IdentityHashMap<>();
        Map<PlanNode<?>, InputMerger<?>> unions = new IdentityHashMap<>();
        Map<PlanNode<?>, OperatorContext> contexts = new IdentityHashMap<>();
        Set<PlanNode<?>> inTask = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inTask.addAll(nodes);
        for (PlanNode<?> t : nodes) {
            int p = par.get(t);
            int sub = p == 1 ? 0 : subtask;
            if (t instanceof OneInputNode<?, ?> one) {
                Operator<?, ?> op = LocalPlanning.factory(one, watermarkInterval).create(sub);
                operators.put(t, op);
                contexts.put(t, new OperatorContext(id(t), sub, p, clock, new SideOutputs()));
            } else if (t instanceof TwoInputNode<?, ?, ?> two) {
                operators.put(t, LocalPlanning.factory(two).apply(sub));
                contexts.put(t, new OperatorContext(id(t), sub, p, clock, new SideOutputs()));
            } else if (t instanceof SourceNode<?>) {
                contexts.put(t, new OperatorContext(id(t), sub, p, clock, new SideOutputs()));
            }
        }
        // wire back to front, so every consumer port exists before its producer's output is built
        for (int idx = nodes.size() - 1; idx >= 0; idx--) {
            PlanNode<?> t = nodes.get(idx);
            if (t instanceof UnionNode<?>) {
                unions.put(t, new InputMerger(t.inputs().size(), mainOutput(t, subtask, task, operators, unions, inTask)));
            }
        }
        for (PlanNode<?> t : nodes) {
            if (t instanceof SideOutputNode<?> side) {
                PlanNode<?> producer = physical(side);
                Output<?> out = mainOutput(side, subtask, task, operators, unions, inTask);
                contexts.get(producer).sideOutputs().add(side.tag(), out);
            }
        }
        for (PlanNode<?> t : nodes) {
            OperatorContext ctx = contexts.get(t);
            if (ctx != null) {
                ctx.metrics().taskTimes(task.times);
                ctx.metrics().watermarkWork(task.watermarkWork);
            }
            if (t instanceof OneInputNode<?, ?> || t instanceof TwoInputNode<?, ?, ?>) {
                Operator op = operators.get(t);
                Output out = mainOutput(t, subtask, task, operators, unions, inTask);
                op.setup(ctx, new CountingOutput(out, ctx.metrics()));
                task.operators.add(op);
                job.register(ctx.metrics());
                if (op instanceof dev.runnel.runtime.operators.SinkOperator<?> sink) {
                    job.registerSink(sink);
                }
            } else if (t instanceof SourceNode<?> src) {
                Output out = mainOutput(t, subtask, task, operators, unions, inTask);
                int p = par.get(t);
                dev.runnel.api.source.Source<?> source = p == 1 ? src.source()
                    : ((dev.runnel.api.source.ParallelSource<?>) src.source()).createReader(ctx.subtask(), p);
                task.sources.add(new SourceDriver(id(t), source, src.watermarkStrategy(), ctx, watermarkInterval, out,
                    new WatermarkPacer(timersPerWatermarkStep, task.watermarkWork)));
                job.register(ctx.metrics());
            }
        }
        // inputs arriving through channels
        for (PlanNode<?> t : nodes) {
            List<PlanNode<?>> inputs = t.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                Edge e = new Edge(inputs.get(i), t, i);
                Channel[][] ch = exchanges.get(e);
                if (ch == null) {
                    continue; // local
                }
                int consumerSubtask = par.get(t) == 1 ? 0 : subtask;
                List<Channel> column = new ArrayList<>();
                for (Channel[] row : ch) {
                    if (row[consumerSubtask] != null) {
                        column.add(row[consumerSubtask]);
                    }
                }
                Output port = port(t, i, operators, unions);
                task.readers.add(new ChannelReader(column.toArray(new Channel[0]), port));
            }
        }
        return task;
    }

    private Output<?> port(PlanNode<?> t, int inputIndex, Map<PlanNode<?>, Operator<?, ?>> operators,
                           Map<PlanNode<?>, InputMerger<?>> unions) {
        if (t instanceof UnionNode<?>) {
            return unions.get(t).input(inputIndex);
        }
        if (t instanceof TwoInputNode<?, ?, ?>) {
            TwoInputOperator<?, ?> two = (TwoInputOperator<?, ?>) operators.get(t);
            return inputIndex == 0 ? two.input1() : two.input2();
        }
        return operators.get(t);
    }

    /** Where the records of {@code t} go: local consumers by direct call, remote ones through channels. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<?> mainOutput(PlanNode<?> t, int subtask, Task task, Map<PlanNode<?>, Operator<?, ?>> operators,
                                 Map<PlanNode<?>, InputMerger<?>> unions, Set<PlanNode<?>> inTask) {
        List<Output<?>> outs = new ArrayList<>();
        for (Edge e : consumers.getOrDefault(t, List.of())) {
            if (e.to instanceof SideOutputNode<?>) {
                continue; // side outputs are wired through the producer's SideOutputs
            }
            Channel[][] ch = exchanges.get(e);
            if (ch == null) {
                if (!inTask.contains(e.to)) {
                    throw new IllegalStateException("internal: local edge leaves its task: " + t + " -> " + e.to);
                }
                outs.add(port(e.to, e.inputIndex, operators, unions));
            } else {
                List<ChannelTarget> writers = new ArrayList<>();
                Channel[] row = ch[par.get(t) == 1 ? 0 : subtask];
                for (int j = 0; j < row.length; j++) {
                    if (row[j] == null) {
                        continue;
                    }
                    writers.add(new ChannelWriter(row[j], job::isCancelled, task.times));
                }
                KeySelector key = e.to instanceof OneInputNode<?, ?> one ? one.keySelector()
                    : e.to instanceof TwoInputNode<?, ?, ?> two ? two.keySelector(e.inputIndex) : null;
                boolean broadcast = e.to instanceof TwoInputNode<?, ?, ?> two && e.inputIndex == 1 && two.broadcastsSecond();
                PartitionOutput po = broadcast ? PartitionOutput.broadcast(writers.toArray(new ChannelTarget[0]))
                    : new PartitionOutput(writers.toArray(new ChannelTarget[0]), key, id(e.to));
                task.partitionOutputs.add(po);
                outs.add(po);
            }
        }
        if (outs.isEmpty()) {
            return new DiscardingOutput<>();
        }
        return outs.size() == 1 ? outs.get(0) : new FanOut(outs);
    }
}
