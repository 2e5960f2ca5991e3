package dev.runnel.api.state;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.typeinfo.TypeInformation;
import java.util.Objects;

public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
        super(name, accumulatorType);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregateFunction");
    }

    /** Flink's form; the type is accepted for Flink programs; Runnel keeps only its class (see {@link TypeInformation}). */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
            TypeInformation<ACC> accumulatorTypeInfo) {
        this(name, aggregateFunction, accumulatorTypeInfo.getTypeClass());
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }
}
