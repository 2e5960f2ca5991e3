package dev.runnel.api;

import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.PlanNode;
import dev.runnel.api.typeinfo.TypeHint;
import dev.runnel.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * The output of one step (map, process, a window function, ...), with Flink's per-step settings:
 * {@link #name}, {@link #uid}, {@link #setParallelism}. Declared types in ported Flink programs
 * ({@code SingleOutputStreamOperator<T> s = stream.map(...)}) keep compiling.
 */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    public SingleOutputStreamOperator(StreamEnvironment environment, PlanNode<T> node) {
        super(environment, node);
    }

    @Override
    public SingleOutputStreamOperator<T> name(String name) {
        super.name(name);
        return this;
    }

    /**
     * A stable id for this step's state in checkpoints and savepoints, independent of its name and
     * position (Flink's {@code uid}). Uids must be unique in a job. When set, it is also the step's
     * id in metrics and errors.
     */
    public SingleOutputStreamOperator<T> uid(String uid) {
        node.setUid(uid);
        return this;
    }

    /**
     * Runs this step with {@code parallelism} instances instead of the job's default. A step that
     * sees the whole stream in one instance ({@code windowAll}, a non-keyed pattern) accepts only 1,
     * as in Flink. Sources always read on one thread in the local runtime; the value is kept in the
     * plan for other back ends.
     */
    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        if (parallelism < 1 || parallelism > StreamEnvironment.MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be at least 1 and at most " + StreamEnvironment.MAX_PARALLELISM
                + " (the number of key groups), got " + parallelism);
        }
        if (parallelism != 1 && node instanceof OneInputNode<?, ?> one && one.singleInstance()) {
            throw new IllegalArgumentException("The parallelism of non parallel operator '" + node.name() + "' must be 1, got "
                + parallelism);
        }
        node.setParallelism(parallelism);
        return this;
    }

    /**
     * Accepted for Flink programs; Runnel always partitions keys into {@value StreamEnvironment#MAX_PARALLELISM}
     * key groups, so only values up to that are valid.
     */
    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > StreamEnvironment.MAX_PARALLELISM) {
            throw new IllegalArgumentException("maxParallelism must be between 1 and " + StreamEnvironment.MAX_PARALLELISM
                + " (Runnel's key groups), got " + maxParallelism);
        }
        return this;
    }

    /** Accepted for Flink programs: Runnel decides chaining by itself (records pass by direct call within a task). */
    public SingleOutputStreamOperator<T> disableChaining() {
        return this;
    }

    /**
     * Flink's type hint for a step's output (needed there when a lambda's generic result type is erased).
     * Runnel never needs it, since records are not serialized on the hot path: this step is returned
     * unchanged.
     */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        Objects.requireNonNull(typeInfo, "typeInfo");
        return this;
    }

    /** As {@link #returns(TypeInformation)}: accepted and not needed. */
    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        Objects.requireNonNull(typeHint, "typeHint");
        return this;
    }

    /** As {@link #returns(TypeInformation)}: accepted and not needed. */
    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        Objects.requireNonNull(typeClass, "typeClass");
        return this;
    }
}
