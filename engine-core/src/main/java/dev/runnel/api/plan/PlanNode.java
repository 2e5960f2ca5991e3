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

    public List<PlanNode<?>> inputs() {
        return inputs;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
