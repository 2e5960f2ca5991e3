package dev.runnel.api.windowing;

import java.util.Collection;
import java.util.List;

/** One window per key holding all its elements; it fires only through a custom trigger (as in Flink, not at end of input). */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {
    private GlobalWindows() {}

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return new NeverTrigger();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    /** The default trigger of global windows: never fires on its own. */
    public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }
    }
}
