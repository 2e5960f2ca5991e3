package dev.runnel.flink;

import java.io.Serializable;

/**
 * A value a source sends to a side output (a dead letter, a future event, a scripted side value).
 * Flink's source functions have no side outputs, so it travels in the main stream to the
 * {@link SourceSideOutputs} operator chained right behind the source, which routes it.
 */
record SideRecord(String tagId, Object value) implements Serializable {
}
