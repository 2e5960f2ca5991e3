package dev.runnel.runtime.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical job graph built by the {@code DataStream} API. The compiler turns the graph
 * into chains of {@link dev.runnel.runtime.Operator operators} and, at parallelism above one, tasks
 * connected by channels.
 */
public abstract class Transformation<T> {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final int id = IDS.incrementAndGet();
    private String name;
    private final List<Transformation<?>> inputs;

    protected Transformation(String name, List<Transformation<?>> inputs) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
    }

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

    public List<Transformation<?>> inputs() {
        return inputs;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
