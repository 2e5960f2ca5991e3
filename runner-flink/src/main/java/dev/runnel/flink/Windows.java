package dev.runnel.flink;

import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Window;

/** Flink's windows as Runnel's, for the user's window functions and triggers. */
final class Windows {
    private Windows() {}

    static Window toRunnel(org.apache.flink.streaming.api.windowing.windows.Window w) {
        if (w instanceof org.apache.flink.streaming.api.windowing.windows.TimeWindow t) {
            return new TimeWindow(t.getStart(), t.getEnd());
        }
        if (w instanceof org.apache.flink.streaming.api.windowing.windows.GlobalWindow) {
            return GlobalWindow.get();
        }
        throw new IllegalArgumentException("No Runnel window for Flink's " + w);
    }
}
