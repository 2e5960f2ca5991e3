package dev.runnel.metrics.prometheus;

import dev.runnel.api.JobClient;
import dev.runnel.api.metrics.MetricsEndpointProvider;
import java.io.IOException;
import java.net.URI;

/** What {@code StreamEnvironment.enableMetricsEndpoint(port)} finds through {@link java.util.ServiceLoader}. */
public final class PrometheusEndpointProvider implements MetricsEndpointProvider {
    @Override
    public URI start(JobClient job, int port) throws IOException {
        return MetricsEndpoint.start(job, port).uri();
    }
}
