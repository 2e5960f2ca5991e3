package dev.runnel.runtime.graph;

import java.util.List;

/** Merges streams of one type; its watermark is the minimum over its non-idle inputs. */
public final class UnionTransformation<T> extends Transformation<T> {
    public UnionTransformation(List<Transformation<?>> inputs) {
        super("Union", inputs);
    }
}
