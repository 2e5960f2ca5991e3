package dev.runnel.api.state;

import dev.runnel.api.functions.AggregateFunction;
import java.util.Objects;

public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
        super(name, accumulatorType);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }
}
