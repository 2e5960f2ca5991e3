package dev.runnel.runtime.graph;

import dev.runnel.api.OutputTag;
import java.util.List;

/** The records an operator sent to {@code tag}. Carries the parent's watermarks. */
public final class SideOutputTransformation<T> extends Transformation<T> {
    private final OutputTag<T> tag;

    public SideOutputTransformation(Transformation<?> parent, OutputTag<T> tag) {
        super(parent.name() + "[" + tag.getId() + "]", List.of(parent));
        this.tag = tag;
    }

    public OutputTag<T> tag() {
        return tag;
    }
}
