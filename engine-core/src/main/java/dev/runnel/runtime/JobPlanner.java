package dev.runnel.runtime;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.time.Clock;
import dev.runnel.runtime.exchange.Channel;
import dev.runnel.runtime.exchange.ChannelReader;
import dev.runnel.runtime.exchange.ChannelTarget;
import dev.runnel.runtime.exchange.ChannelWriter;
import dev.runnel.runtime.exchange.PartitionOutput;
import dev.runnel.runtime.graph.OneInputTransformation;
import dev.runnel.runtime.graph.SideOutputTransformation;
import dev.runnel.runtime.graph.SourceTransformation;
import dev.runnel.runtime.graph.Transformation;
import dev.runnel.runtime.graph.UnionTransformation;
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
 * Turns the logical graph into tasks. Every node gets a parallelism (sources 1; after a keyed edge
 * the job's parallelism; windowAll 1; otherwise its input's) and a stage: an edge that changes
 * parallelism, partitions by key at parallelism above one, or joins different stages is an
 * exchange through channels and starts a new stage. Nodes of one (stage, parallelism) form one
 * task per subtask, chained by direct calls. At parallelism 1 the whole job is one task on one
 * thread with no channels at all.
 */
final class JobPlanner {
    private record Edge(Transformation<?> from, Transformation<?> to, int inputIndex) {}

    private final int parallelism;
    private final Clock clock;
    private final long watermarkInterval;
    private final JobExecution job;
    private final List<Transformation<?>> order = new ArrayList<>();
    private final Map<Transformation<?>, List<Edge>> consumers = new IdentityHashMap<>();
    private final Map<Transformation<?>, Integer> par = new IdentityHashMap<>();
    private final Map<Transformation<?>, Integer> stage = new IdentityHashMap<>();
    private final Map<Edge, Channel[][]> exchanges = new HashMap<>();

    JobPlanner(int parallelism, Clock clock, long watermarkInterval, JobExecution job) {
        this.parallelism = parallelism;
        this.clock = clock;
        this.watermarkInterval = watermarkInterval;
        this.job = job;
    }

    List<Task> plan(List<Transformation<?>> sinks, Set<Transformation<?>> explicitlyNamed) {
        Set<Transformation<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Transformation<?> s : sinks) {
            visit(s, seen);
        }
        checkNames(explicitlyNamed);
        for (Transformation<?> t : order) {
            assignParallelismAndStage(t);
        }
        for (Transformation<?> t : order) {
            List<Transformation<?>> inputs = t.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                Edge e = new Edge(inputs.get(i), t, i);
                if (isExchange(e)) {
                    exchanges.put(e, channels(e));
                }
            }
        }
        Map<String, List<Transformation<?>>> groups = new LinkedHashMap<>();
        for (Transformation<?> t : order) {
            groups.computeIfAbsent(stage.get(t) + "/" + par.get(t), k -> new ArrayList<>()).add(t);
        }
        List<Task> tasks = new ArrayList<>();
        for (List<Transformation<?>> nodes : groups.values()) {
            int p = par.get(nodes.get(0));
            for (int subtask = 0; subtask < p; subtask++) {
                tasks.add(buildTask("stage" + stage.get(nodes.get(0)) + "-" + subtask, nodes, subtask));
            }
        }
        return tasks;
    }

    private void visit(Transformation<?> t, Set<Transformation<?>> seen) {
        if (!seen.add(t)) {
            return;
        }
        List<Transformation<?>> inputs = t.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            visit(inputs.get(i), seen);
            consumers.computeIfAbsent(inputs.get(i), k -> new ArrayList<>()).add(new Edge(inputs.get(i), t, i));
        }
        order.add(t);
    }

    /** Explicit names must be unique (metrics and savepoints refer to them); default names get a suffix. */
    private void checkNames(Set<Transformation<?>> explicitlyNamed) {
        Map<String, Transformation<?>> explicit = new HashMap<>();
        for (Transformation<?> t : order) {
            if (explicitlyNamed.contains(t) && !(t instanceof SideOutputTransformation)) {
                Transformation<?> other = explicit.put(t.name(), t);
                if (other != null) {
                    throw new IllegalStateException("Operator name '" + t.name() + "' is used twice in the job; "
                        + "names identify operators in metrics and savepoints, give each a distinct name(...)");
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Transformation<?> t : order) {
            if (!explicitlyNamed.contains(t) && !(t instanceof SideOutputTransformation)) {
                String base = t.name();
                int n = counts.merge(base, 1, Integer::sum);
                String candidate = n == 1 ? base : base + "-" + n;
                while (explicit.containsKey(candidate)) {
                    n = counts.merge(base, 1, Integer::sum);
                    candidate = base + "-" + n;
                }
                if (!candidate.equals(t.name())) {
                    t.setName(candidate);
                }
            }
        }
    }

    private void assignParallelismAndStage(Transformation<?> t) {
        if (t instanceof SourceTransformation<?>) {
            par.put(t, 1);
            stage.put(t, 0);
        } else if (t instanceof SideOutputTransformation<?>) {
            Transformation<?> parent = t.inputs().get(0);
            par.put(t, par.get(parent));
            stage.put(t, stage.get(parent));
        } else if (t instanceof OneInputTransformation<?, ?> one) {
            Transformation<?> in = t.inputs().get(0);
            int p = one.singleInstance() ? 1 : (one.keySelector() != null ? parallelism : par.get(in));
            par.put(t, p);
            boolean exchange = p != par.get(in) || (one.keySelector() != null && parallelism > 1);
            stage.put(t, stage.get(in) + (exchange ? 1 : 0));
        } else if (t instanceof UnionTransformation<?>) {
            int p = 1;
            for (Transformation<?> in : t.inputs()) {
                p = Math.max(p, par.get(in));
            }
            int s = 0;
            for (Transformation<?> in : t.inputs()) {
                s = Math.max(s, stage.get(in) + (par.get(in) != p ? 1 : 0));
            }
            par.put(t, p);
            stage.put(t, s);
        } else {
            throw new IllegalStateException("Unknown transformation " + t);
        }
    }

    private boolean isExchange(Edge e) {
        if (e.to instanceof SideOutputTransformation<?>) {
            return false;
        }
        if (e.to instanceof OneInputTransformation<?, ?> one && one.keySelector() != null && parallelism > 1) {
            return true;
        }
        return !Objects.equals(par.get(e.from), par.get(e.to)) || !Objects.equals(stage.get(e.from), stage.get(e.to));
    }

    private Channel[][] channels(Edge e) {
        int from = par.get(e.from);
        int to = par.get(e.to);
        Channel[][] ch = new Channel[from][to];
        boolean keyed = e.to instanceof OneInputTransformation<?, ?> one && one.keySelector() != null;
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
    private static Transformation<?> physical(Transformation<?> t) {
        while (t instanceof SideOutputTransformation<?>) {
            t = t.inputs().get(0);
        }
        return t;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Task buildTask(String name, List<Transformation<?>> nodes, int subtask) {
        Task task = new Task(name, job);
        Map<Transformation<?>, Operator<?, ?>> operators = new IdentityHashMap<>();
        Map<Transformation<?>, InputMerger<?>> unions = new IdentityHashMap<>();
        Map<Transformation<?>, OperatorContext> contexts = new IdentityHashMap<>();
        Set<Transformation<?>> inTask = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inTask.addAll(nodes);
        for (Transformation<?> t : nodes) {
            int p = par.get(t);
            int sub = p == 1 ? 0 : subtask;
            if (t instanceof OneInputTransformation<?, ?> one) {
                Operator<?, ?> op = one.factory().create(sub);
                operators.put(t, op);
                contexts.put(t, new OperatorContext(t.name(), sub, p, clock, new SideOutputs()));
            } else if (t instanceof SourceTransformation<?>) {
                contexts.put(t, new OperatorContext(t.name(), sub, p, clock, new SideOutputs()));
            }
        }
        // wire back to front, so every consumer port exists before its producer's output is built
        for (int idx = nodes.size() - 1; idx >= 0; idx--) {
            Transformation<?> t = nodes.get(idx);
            if (t instanceof UnionTransformation<?>) {
                unions.put(t, new InputMerger(t.inputs().size(), mainOutput(t, subtask, task, operators, unions, inTask)));
            }
        }
        for (Transformation<?> t : nodes) {
            if (t instanceof SideOutputTransformation<?> side) {
                Transformation<?> producer = physical(side);
                Output<?> out = mainOutput(side, subtask, task, operators, unions, inTask);
                contexts.get(producer).sideOutputs().add(side.tag(), out);
            }
        }
        for (Transformation<?> t : nodes) {
            OperatorContext ctx = contexts.get(t);
            if (t instanceof OneInputTransformation<?, ?>) {
                Operator op = operators.get(t);
                Output out = mainOutput(t, subtask, task, operators, unions, inTask);
                op.setup(ctx, new CountingOutput(out, ctx.metrics()));
                task.operators.add(op);
                job.register(ctx.metrics());
                if (op instanceof dev.runnel.runtime.operators.SinkOperator<?> sink) {
                    job.registerSink(sink);
                }
            } else if (t instanceof SourceTransformation<?> src) {
                Output out = mainOutput(t, subtask, task, operators, unions, inTask);
                task.sources.add(new SourceDriver(t.name(), src.source(), src.watermarkStrategy(), ctx, watermarkInterval, out));
                job.register(ctx.metrics());
            }
        }
        // inputs arriving through channels
        for (Transformation<?> t : nodes) {
            List<Transformation<?>> inputs = t.inputs();
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

    private Output<?> port(Transformation<?> t, int inputIndex, Map<Transformation<?>, Operator<?, ?>> operators,
                           Map<Transformation<?>, InputMerger<?>> unions) {
        if (t instanceof UnionTransformation<?>) {
            return unions.get(t).input(inputIndex);
        }
        return operators.get(t);
    }

    /** Where the records of {@code t} go: local consumers by direct call, remote ones through channels. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Output<?> mainOutput(Transformation<?> t, int subtask, Task task, Map<Transformation<?>, Operator<?, ?>> operators,
                                 Map<Transformation<?>, InputMerger<?>> unions, Set<Transformation<?>> inTask) {
        List<Output<?>> outs = new ArrayList<>();
        for (Edge e : consumers.getOrDefault(t, List.of())) {
            if (e.to instanceof SideOutputTransformation<?>) {
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
                    writers.add(new ChannelWriter(row[j], job::isCancelled));
                }
                KeySelector key = e.to instanceof OneInputTransformation<?, ?> one ? one.keySelector() : null;
                PartitionOutput po = new PartitionOutput(writers.toArray(new ChannelTarget[0]), key, e.to.name());
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
