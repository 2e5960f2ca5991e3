package dev.runnel.runtime;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.Clock;

/** What the runtime gives one operator instance: identity, clock, metrics and side-output consumers. */
public final class OperatorContext {
    private final String name;
    private final int subtask;
    private final int parallelism;
    private final Clock clock;
    private final OperatorMetrics metrics;
    private final SideOutputs sideOutputs;

    public OperatorContext(String name, int subtask, int parallelism, Clock clock, SideOutputs sideOutputs) {
        this.name = name;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.clock = clock;
        this.metrics = new OperatorMetrics(name, subtask);
        this.sideOutputs = sideOutputs;
    }

    public String name() {
        return name;
    }

    public int subtask() {
        return subtask;
    }

    public int parallelism() {
        return parallelism;
    }

    public Clock clock() {
        return clock;
    }

    public OperatorMetrics metrics() {
        return metrics;
    }

    public SideOutputs sideOutputs() {
        return sideOutputs;
    }

    /**
     * A late record: to the late-data side output {@code tag} when one is set (counted as
     * {@code numLateRecordsToSideOutput}), otherwise dropped (counted as {@code numLateRecordsDropped}).
     */
    public <X> void lateRecord(OutputTag<X> tag, X value, long timestamp) {
        if (tag == null) {
            metrics.lateRecordsDropped++;
        } else {
            metrics.lateRecordsToSideOutput++;
            sideOutputs.emit(tag, value, timestamp);
        }
    }

    public <X> void output(OutputTag<X> tag, X value, long timestamp) {
        if (tag == null) {
            throw new NullPointerException("OutputTag must not be null (operator '" + name + "')");
        }
        sideOutputs.emit(tag, value, timestamp);
    }
}
