package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.windowing.Window;

/** What the window operator offers a window function while it fires one window. */
public interface WindowFunctionContext<W extends Window> {
    W window();

    long currentProcessingTime();

    long currentWatermark();

    KeyedStateStore windowState();

    KeyedStateStore globalState();

    <X> void output(OutputTag<X> tag, X value);
}
