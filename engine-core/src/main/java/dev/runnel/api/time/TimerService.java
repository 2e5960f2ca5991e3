package dev.runnel.api.time;

/**
 * Time queries and per-key timers. Timers are de-duplicated per (key, timestamp); a timer at or
 * before the current watermark fires on the next watermark advance.
 */
public interface TimerService {
    long currentProcessingTime();

    long currentWatermark();

    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);
}
