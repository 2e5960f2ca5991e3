package dev.runnel.api.windowing;

/**
 * Removes elements from a window when it fires, before and/or after the window function runs
 * (Flink's {@code Evictor}). A window with an evictor keeps all its elements; at each firing the
 * evictor removes elements through the iterator of {@code elements} ({@code Iterator.remove()}),
 * the window function (an incremental one too) is applied to what remains, and the removed
 * elements are gone from the window for later firings.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public interface Evictor<T, W extends Window> extends java.io.Serializable {
    /** Called before the window function; {@code size} is the number of elements. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called after the window function; {@code size} is the number of elements. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Time as the window operator sees it while the window fires. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
