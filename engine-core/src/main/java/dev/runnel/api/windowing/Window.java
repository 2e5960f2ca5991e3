package dev.runnel.api.windowing;

/** A group of elements a window function sees at once. Serializable so that checkpoints can hold window state and timers. */
public abstract class Window implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
