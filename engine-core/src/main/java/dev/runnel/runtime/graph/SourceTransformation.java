package dev.runnel.runtime.graph;

import dev.runnel.api.source.Source;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;

public final class SourceTransformation<T> extends Transformation<T> {
    private final Source<T> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(Source<T> source, WatermarkStrategy<T> watermarkStrategy, String name) {
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
