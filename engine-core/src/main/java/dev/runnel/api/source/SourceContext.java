package dev.runnel.api.source;

import dev.runnel.api.time.Clock;

public interface SourceContext {
    String sourceName();

    Clock clock();
}
