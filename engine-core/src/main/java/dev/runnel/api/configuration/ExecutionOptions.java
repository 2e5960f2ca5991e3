package dev.runnel.api.configuration;

import dev.runnel.api.RuntimeExecutionMode;

/** Flink's {@code ExecutionOptions}, as far as ported programs use them: the runtime mode (default: streaming). */
public final class ExecutionOptions {
    private ExecutionOptions() {}

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE =
        new ConfigOption<>("execution.runtime-mode", RuntimeExecutionMode.STREAMING);
}
