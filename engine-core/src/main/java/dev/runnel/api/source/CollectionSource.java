package dev.runnel.api.source;

import java.util.List;

/** The records of a list, in order, without timestamps. Position: the index of the next record. */
public final class CollectionSource<T> implements Source<T> {
    private final List<T> elements;
    private int next;

    public CollectionSource(List<T> elements) {
        this.elements = elements;
    }

    /** The class all elements share, {@code null} if they differ or there are none; for build-time checks. */
    public Class<?> elementClass() {
        Class<?> c = null;
        for (T e : elements) {
            if (e == null || (c != null && e.getClass() != c)) {
                return null;
            }
            c = e.getClass();
        }
        return c;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    /** Every execution reads from the first record (a restore then moves to the checkpoint's position), as in Flink. */
    @Override
    public void open(SourceContext context) {
        next = 0;
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) {
        int end = Math.min(elements.size(), next + maxRecords);
        for (; next < end; next++) {
            output.collect(elements.get(next));
        }
        return next < elements.size() ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
    }

    @Override
    public long position() {
        return next;
    }

    @Override
    public void restorePosition(long position) {
        next = (int) position;
    }
}
