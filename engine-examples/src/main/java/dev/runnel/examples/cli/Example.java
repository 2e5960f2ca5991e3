package dev.runnel.examples.cli;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.examples.io.Input;
import java.util.List;

/**
 * One runnable scenario as the CLI sees it: its name, its options, its bundled sample, and how it
 * wires a job from those. The pipeline itself lives in the scenario's own class, where tests drive
 * it with a {@code ScriptedSource}; this is only the command-line wiring.
 */
public interface Example {
    /** The name of every example's source operator, so the CLI can show rows read and the watermark. */
    String SOURCE_NAME = "input";

    String name();

    String description();

    /** The bundled sample read when no {@code --input} is given. */
    Input defaultInput();

    /** The example's own options (the CLI adds --input, --output, --format, --zone, --parallelism). */
    List<Option> options();

    /** Adds the example's job to {@code env}: read {@code input}, write alerts and results to {@code report}. */
    void define(StreamEnvironment env, Input input, Args args, Report report);

    /** Whether the job reads an input that never ends (then every output line is flushed at once). */
    default boolean runsUntilStopped(Args args) {
        return false;
    }
}
