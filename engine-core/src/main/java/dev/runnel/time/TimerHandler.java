package dev.runnel.time;

/** Receives fired timers. {@code namespace} is null for plain per-key timers, the window for window timers. */
@FunctionalInterface
public interface TimerHandler {
    void onTimer(Object key, Object namespace, long time);
}
