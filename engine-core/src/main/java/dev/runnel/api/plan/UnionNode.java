package dev.runnel.api.plan;

import java.util.List;

/** Merges streams of one type; its watermark is the minimum over its non-idle inputs. */
public final class UnionNode<T> extends PlanNode<T> {
    public UnionNode(List<PlanNode<?>> inputs) {
        super("Union", inputs);
    }
}
