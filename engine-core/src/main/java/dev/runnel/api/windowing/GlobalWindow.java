package dev.runnel.api.windowing;

/** The one window of {@link GlobalWindows}: all elements of a key. */
public final class GlobalWindow extends Window {
    private static final GlobalWindow INSTANCE = new GlobalWindow();

    private GlobalWindow() {}

    public static GlobalWindow get() {
        return INSTANCE;
    }

    @Override
    public long maxTimestamp() {
        return Long.MAX_VALUE;
    }

    /** Restored from a checkpoint, the one window stays the one instance. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "GlobalWindow";
    }
}
