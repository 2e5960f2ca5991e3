package dev.runnel.api.metrics;

import dev.runnel.api.JobClient;
import java.io.IOException;
import java.net.URI;

/**
 * Service interface behind {@link dev.runnel.api.StreamEnvironment#enableMetricsEndpoint(int)}: engine-core
 * carries no HTTP server, so the endpoint comes from a module on the class path
 * ({@code runnel-metrics-prometheus}), found with {@link java.util.ServiceLoader}.
 */
public interface MetricsEndpointProvider {
    /**
     * Starts serving the job's metrics on {@code port} (0: any free port) and returns the endpoint's base
     * address. The endpoint stops by itself once the job has ended and its final values were sampled.
     */
    URI start(JobClient job, int port) throws IOException;
}
