package dev.runnel.api.functions;

/** The parallel instance a function runs in (Flink's {@code TaskInfo}). */
public interface TaskInfo {
    /** The operator's name. */
    String getTaskName();

    /** This instance's index, from 0 to {@link #getNumberOfParallelSubtasks()} - 1. */
    int getIndexOfThisSubtask();

    int getNumberOfParallelSubtasks();

    /** The same as {@link #getNumberOfParallelSubtasks()}: Runnel does not rescale a running job. */
    default int getMaxNumberOfParallelSubtasks() {
        return getNumberOfParallelSubtasks();
    }

    /** Always 0: a restarted Runnel job is a new run, restored from its checkpoint. */
    default int getAttemptNumber() {
        return 0;
    }

    /** "name (index+1/parallelism)", as Flink prints it. */
    default String getTaskNameWithSubtasks() {
        return getTaskName() + " (" + (getIndexOfThisSubtask() + 1) + "/" + getNumberOfParallelSubtasks() + ")";
    }
}
