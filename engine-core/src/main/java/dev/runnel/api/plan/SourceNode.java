package dev.runnel.api.plan;

import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;

/** Reads a source, stamping and watermarking its records with a strategy. */
public final class SourceNode<T> extends PlanNode<T> {
    private final Source<T> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceNode(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String name) {
        super(name, List.of());
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T> source() {
        return source;
    }

    public WatermarkStrategy<T> watermarkStrategy() {
        return watermarkStrategy;
    }
}
