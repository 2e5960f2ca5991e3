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
 */
public record JobPlan(List<PlanNode<?>> sinks, Set<PlanNode<?>> explicitlyNamed, int parallelism,
        long autoWatermarkIntervalMillis) {
}
