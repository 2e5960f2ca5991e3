package dev.runnel.api.plan;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A step of the user's program as the {@code DataStream} API recorded it: what was asked for, in
 * the user's terms (map with this function, window with this assigner and trigger, ...), never how
 * an engine runs it. Back ends plan these nodes: the local runtime into chains of Runnel operators;
 * other back ends into their own engine. Nodes form a DAG from the sinks back to the sources.
 */
public abstract class PlanNode<T> {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final int id = IDS.incrementAndGet();
    private String name;
    private String uid;
    private int parallelism = -1;
    private final List<PlanNode<?>> inputs;

    protected PlanNode(String name, List<PlanNode<?>> inputs) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
    }

    /** Unique in this JVM; orders nodes by creation. */
    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Operator name must not be blank");
        }
        this.name = name;
    }

    /** The user's stable id for this step (Flink's {@code uid}), {@code null} if none was given. */
    public String uid() {
        return uid;
    }

    public void setUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        this.uid = uid;
    }

    /** The parallelism the user set for this step, -1 for the job's default. */
    public int parallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    public List<PlanNode<?>> inputs() {
        return inputs;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
