package dev.runnel.examples.cli;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import java.lang.reflect.InvocationTargetException;

/**
 * Runs a job with {@code FlinkRunner.execute} from runnel-runner-flink, found on the class path at
 * run time: the examples do not depend on the runner (its tests run these examples), and a user who
 * never asks for Flink does not need Flink's jars.
 */
public final class FlinkEngine {
    private static final String RUNNER = "dev.runnel.flink.FlinkRunner";

    private FlinkEngine() {}

    public static void execute(StreamEnvironment env, String name) {
        Class<?> runner;
        try {
            runner = Class.forName(RUNNER);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("--engine flink needs runnel-runner-flink and Apache Flink 1.20 (flink-streaming-java, "
                + "flink-clients, flink-cep) on the class path; see docs/flink-runner.md");
        }
        try {
            runner.getMethod("execute", StreamEnvironment.class, String.class).invoke(null, env, name);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException refused) {
                throw new UsageException(refused.getMessage()); // refused at translation, naming the operator
            }
            throw new JobExecutionException("on Flink: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + RUNNER + ".execute: " + e, e);
        }
    }
}
