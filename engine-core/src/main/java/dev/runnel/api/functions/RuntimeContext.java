package dev.runnel.api.functions;


/**
 * What a function sees of the operator instance running it. Keyed state is only available on keyed
 * streams; asking for it elsewhere fails with a message that says to call {@code keyBy}.
 */
public interface RuntimeContext extends KeyedStateStore {
    String operatorName();

    int indexOfThisSubtask();

    int numberOfParallelSubtasks();
}
