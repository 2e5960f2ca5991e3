package dev.runnel.connector.base.source.reader;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between a source's fetcher thread and the task thread that emits what was
 * fetched: Flink's {@code FutureCompletingBlockingQueue} without the availability future. A full
 * queue blocks the fetcher (back-pressure); the putting thread can be woken without adding, so it
 * can run a task (an offset commit) or stop while it waits for room. The task side never blocks in
 * normal operation ({@link #poll()}): Runnel's task loop polls every input in turn and backs off
 * when nothing moved, so there is no future for it to wait on.
 *
 * <p>One putting thread, one taking thread. Elements are batches (one poll's records), so a lock per
 * element costs nothing next to what an element carries.
 */
public final class HandoverQueue<E> {
    private final int capacity;
    private final ArrayDeque<E> elements;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private boolean wakeUp;

    public HandoverQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.elements = new ArrayDeque<>(capacity);
    }

    /**
     * Adds {@code element}, waiting while the queue is full. Returns false, without adding, when
     * {@link #wakeUpPuttingThread} was called before or during the wait.
     */
    public boolean put(E element) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (elements.size() >= capacity && !wakeUp) {
                notFull.await();
            }
            if (wakeUp) {
                wakeUp = false;
                return false;
            }
            elements.addLast(element);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest element, or null when there is none; never waits. */
    public E poll() {
        lock.lock();
        try {
            E e = elements.pollFirst();
            if (e != null) {
                notFull.signal();
            }
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest element, waiting up to {@code timeout} for one; null if none came. */
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (elements.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            notFull.signal();
            return elements.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Makes the current or next {@link #put} return false at once. */
    public void wakeUpPuttingThread() {
        lock.lock();
        try {
            wakeUp = true;
            notFull.signal();
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return elements.size();
        } finally {
            lock.unlock();
        }
    }
}
