package dev.runnel.api.plan;

import dev.runnel.api.functions.KeySelector;
import java.util.List;

/**
 * A step with one input. With a key selector the input is partitioned by key (a keyed stream);
 * {@link #singleInstance()} asks for one instance whatever the parallelism (e.g. {@code windowAll}).
 * Subclasses say what the step does; extension modules (CEP) add their own.
 */
public abstract class OneInputNode<IN, OUT> extends PlanNode<OUT> {
    private final KeySelector<IN, ?> keySelector;
    private final boolean singleInstance;

    protected OneInputNode(PlanNode<IN> input, String name, KeySelector<IN, ?> keySelector, boolean singleInstance) {
        super(name, List.of(input));
        this.keySelector = keySelector;
        this.singleInstance = singleInstance;
    }

    @SuppressWarnings("unchecked")
    public PlanNode<IN> input() {
        return (PlanNode<IN>) inputs().get(0);
    }

    /** The key the input is partitioned by, {@code null} if the step is not keyed. */
    public KeySelector<IN, ?> keySelector() {
        return keySelector;
    }

    public boolean singleInstance() {
        return singleInstance;
    }
}
