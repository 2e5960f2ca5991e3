package dev.runnel.api.functions;


/**
 * What a function sees of the operator instance running it. Keyed state is only available on keyed
 * streams; asking for it elsewhere fails with a message that says to call {@code keyBy}.
 * Flink's names ({@code getTaskInfo()}, {@code getIndexOfThisSubtask()}, ...) are here too.
 */
public interface RuntimeContext extends KeyedStateStore {
    String operatorName();

    int indexOfThisSubtask();

    int numberOfParallelSubtasks();

    /**
     * Where the function registers its own metrics (counters, gauges), as in Flink; they are exported with the
     * operator's ({@code runnel_operator_<name>}). See {@link dev.runnel.api.metrics.MetricGroup}.
     */
    dev.runnel.api.metrics.OperatorMetricGroup getMetricGroup();

    /** The parallel instance this function runs in (Flink 1.19+). */
    default TaskInfo getTaskInfo() {
        RuntimeContext self = this;
        return new TaskInfo() {
            @Override
            public String getTaskName() {
                return self.operatorName();
            }

            @Override
            public int getIndexOfThisSubtask() {
                return self.indexOfThisSubtask();
            }

            @Override
            public int getNumberOfParallelSubtasks() {
                return self.numberOfParallelSubtasks();
            }
        };
    }

    /** Flink's older name for {@code getTaskInfo().getIndexOfThisSubtask()}. */
    default int getIndexOfThisSubtask() {
        return indexOfThisSubtask();
    }

    /** Flink's older name for {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    default int getNumberOfParallelSubtasks() {
        return numberOfParallelSubtasks();
    }

    /** Flink's older name for {@code getTaskInfo().getTaskName()}. */
    default String getTaskName() {
        return operatorName();
    }
}
