package dev.runnel.api.windowing;

/** A group of elements a window function sees at once. */
public abstract class Window {
    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
