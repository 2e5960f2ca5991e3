package dev.runnel.api.windowing;

/** Turns every FIRE of the wrapped trigger into FIRE_AND_PURGE. */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
    private final Trigger<T, W> nested;

    private PurgingTrigger(Trigger<T, W> nested) {
        this.nested = nested;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<?, ?> nested) {
        return new PurgingTrigger<>((Trigger) nested);
    }

    private static TriggerResult purging(TriggerResult r) {
        return r.isFire() ? TriggerResult.FIRE_AND_PURGE : r;
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onElement(element, timestamp, window, ctx));
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onEventTime(time, window, ctx));
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return purging(nested.onProcessingTime(time, window, ctx));
    }

    @Override
    public boolean canMerge() {
        return nested.canMerge();
    }

    @Override
    public void onMerge(W window, TriggerContext ctx) throws Exception {
        nested.onMerge(window, ctx);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        nested.clear(window, ctx);
    }

    @Override
    public String toString() {
        return "PurgingTrigger(" + nested + ")";
    }
}
