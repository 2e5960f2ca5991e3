package dev.runnel.cep.operator;

import dev.runnel.runtime.OperatorMetrics;

/** Publishes the pattern operator's memory gauges on its {@link OperatorMetrics}. */
final class CepMetrics {
    static final String PARTIAL_MATCHES = "cep.partialMatches";
    static final String BUFFERED_EVENTS = "cep.bufferedEvents";
    static final String ACTIVE_KEYS = "cep.activeKeys";

    private CepMetrics() {}

    static void register(OperatorMetrics metrics, CepOperator<?, ?, ?> operator) {
        metrics.gauge(PARTIAL_MATCHES, operator::partialMatches);
        metrics.gauge(BUFFERED_EVENTS, operator::bufferedEvents);
        metrics.gauge(ACTIVE_KEYS, operator::activeKeys);
    }
}
