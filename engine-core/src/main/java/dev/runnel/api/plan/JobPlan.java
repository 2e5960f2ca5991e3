package dev.runnel.api.plan;

import java.util.List;
import java.util.Set;

/**
 * A job's logical plan: its sinks (the DAG reaches back from them to the sources), the steps the
 * user named explicitly (those names must be unique, as they key state in savepoints), and the
 * settings a back end needs to plan it.
 *
 * @param parallelism                 the default parallelism of keyed steps
 * @param autoWatermarkIntervalMillis how often periodic watermark generators are asked to emit
 * @param timersPerWatermarkStep      how many timers one step of a periodic watermark may fire (0: no steps)
 */
public record JobPlan(List<PlanNode<?>> sinks, Set<PlanNode<?>> explicitlyNamed, int parallelism,
        long autoWatermarkIntervalMillis, int timersPerWatermarkStep) {

    /** A plan with the default watermark steps. */
    public JobPlan(List<PlanNode<?>> sinks, Set<PlanNode<?>> explicitlyNamed, int parallelism, long autoWatermarkIntervalMillis) {
        this(sinks, explicitlyNamed, parallelism, autoWatermarkIntervalMillis,
            dev.runnel.api.ExecutionConfig.DEFAULT_TIMERS_PER_WATERMARK_STEP);
    }
}
