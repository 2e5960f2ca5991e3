package dev.runnel.runtime.graph;

import dev.runnel.runtime.Operator;

/** Creates one operator instance per parallel subtask. */
@FunctionalInterface
public interface OperatorFactory<IN, OUT> {
    Operator<IN, OUT> create(int subtask);
}
