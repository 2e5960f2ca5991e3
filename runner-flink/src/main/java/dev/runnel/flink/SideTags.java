package dev.runnel.flink;

import dev.runnel.api.OutputTag;

/** Runnel output tags as Flink's: same id (Flink tells tags apart by id), every value of type {@link AnyType}. */
final class SideTags {
    private SideTags() {}

    static org.apache.flink.util.OutputTag<Object> of(OutputTag<?> tag) {
        return of(tag.getId());
    }

    static org.apache.flink.util.OutputTag<Object> of(String id) {
        return new org.apache.flink.util.OutputTag<>(id, AnyType.INSTANCE);
    }
}
