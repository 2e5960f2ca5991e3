package dev.runnel.flink;

import dev.runnel.cep.pattern.conditions.IterativeCondition;

/** A Runnel pattern condition (simple or iterative, and/or/subtype combinations included) as Flink's. */
final class FlinkCondition extends org.apache.flink.cep.pattern.conditions.IterativeCondition<Object> {
    private static final long serialVersionUID = 1L;
    private final IterativeCondition<Object> condition;

    FlinkCondition(IterativeCondition<Object> condition) {
        this.condition = condition;
    }

    @Override
    public boolean filter(Object value, Context<Object> ctx) throws Exception {
        return condition.filter(value, new IterativeCondition.Context<>() {
            @Override
            public Iterable<Object> getEventsForPattern(String name) throws Exception {
                return ctx.getEventsForPattern(name);
            }

            @Override
            public long timestamp() {
                return ctx.timestamp();
            }

            @Override
            public long currentProcessingTime() {
                return ctx.currentProcessingTime();
            }
        });
    }
}
