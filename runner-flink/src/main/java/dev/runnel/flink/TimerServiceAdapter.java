package dev.runnel.flink;

import dev.runnel.api.time.TimerService;

/** Runnel's timer service over Flink's: timers live in Flink's timer service and are checkpointed with it. */
record TimerServiceAdapter(org.apache.flink.streaming.api.TimerService flink) implements TimerService {
    @Override
    public long currentProcessingTime() {
        return flink.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return flink.currentWatermark();
    }

    @Override
    public void registerEventTimeTimer(long time) {
        flink.registerEventTimeTimer(time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        flink.registerProcessingTimeTimer(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        flink.deleteEventTimeTimer(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        flink.deleteProcessingTimeTimer(time);
    }
}
