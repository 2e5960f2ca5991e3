package dev.runnel.api.plan;

import dev.runnel.api.OutputTag;
import java.util.List;

/** The records its parent sent to {@code tag}. Carries the parent's watermarks. */
public final class SideOutputNode<T> extends PlanNode<T> {
    private final OutputTag<T> tag;

    public SideOutputNode(PlanNode<?> parent, OutputTag<T> tag) {
        super(parent.name() + "[" + tag.getId() + "]", List.of(parent));
        this.tag = tag;
    }

    public OutputTag<T> tag() {
        return tag;
    }
}
