package dev.runnel.api.windowing;

/** An assigner whose windows merge when they meet (session windows). */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
}
