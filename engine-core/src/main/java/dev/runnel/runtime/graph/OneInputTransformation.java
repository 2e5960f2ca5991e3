package dev.runnel.runtime.graph;

import dev.runnel.api.functions.KeySelector;
import java.util.List;

/**
 * An operator with one input. With a key selector the input is partitioned by key (keyed stream);
 * {@code singleInstance} forces parallelism 1 (e.g. {@code windowAll}).
 */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {
    private final OperatorFactory<IN, OUT> factory;
    private final KeySelector<IN, ?> keySelector;
    private final boolean singleInstance;

    public OneInputTransformation(Transformation<IN> input, String name, OperatorFactory<IN, OUT> factory,
                                  KeySelector<IN, ?> keySelector, boolean singleInstance) {
        super(name, List.of(input));
        this.factory = factory;
        this.keySelector = keySelector;
        this.singleInstance = singleInstance;
    }

    public OperatorFactory<IN, OUT> factory() {
        return factory;
    }

    public KeySelector<IN, ?> keySelector() {
        return keySelector;
    }

    public boolean singleInstance() {
        return singleInstance;
    }
}
