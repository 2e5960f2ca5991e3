package dev.runnel.api;

import java.util.Iterator;
import java.util.List;

/** An iterator that holds resources until closed, as Flink's; returned by {@link DataStreamUtils#collect}. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    /** An iterator over {@code values} that holds nothing. */
    static <T> CloseableIterator<T> fromList(List<T> values) {
        Iterator<T> iterator = values.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public T next() {
                return iterator.next();
            }

            @Override
            public void close() {}
        };
    }
}
