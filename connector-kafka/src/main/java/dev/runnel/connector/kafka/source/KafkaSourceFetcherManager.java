package dev.runnel.connector.kafka.source;

import dev.runnel.api.time.Clock;
import dev.runnel.connector.base.source.reader.HandoverQueue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetcher thread of a Kafka source reader, after Flink's {@code SplitFetcher} and
 * {@code KafkaSourceFetcherManager}: it owns the {@link KafkaPartitionSplitReader} (and so the
 * consumer), finds and assigns partitions, polls, and puts each poll's records into a bounded
 * {@link HandoverQueue} that the task thread drains. Fetching, decompression and record parsing thus
 * overlap with the operator chain instead of adding to it. A full queue blocks the fetcher
 * (back-pressure); offset commits are tasks the task thread submits and the fetcher runs between
 * polls, waking it from a wait for room. A failure is kept and reported by the task thread once it
 * has emitted what was fetched before it. {@link #close} stops the thread and waits for it.
 */
final class KafkaSourceFetcherManager implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceFetcherManager.class);
    /** How long {@link #close} waits before it wakes the consumer out of a blocking request (a discovery, a commit). */
    private static final long CLOSE_GRACE_MILLIS = 1_000;
    private static final long CLOSE_TIMEOUT_MILLIS = 30_000;

    private final KafkaPartitionSplitReader splitReader;
    private final HandoverQueue<KafkaFetch> queue;
    private final KafkaSourceConfig<?> config;
    private final Clock clock;
    private final Queue<Map<TopicPartition, OffsetAndMetadata>> commits = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** The checkpoint's {@code {next, stop}} by partition, or null when the job did not restore. */
    private final Map<TopicPartition, long[]> restored;
    private volatile boolean closed;
    private volatile Throwable error;

    KafkaSourceFetcherManager(KafkaPartitionSplitReader splitReader, KafkaSourceConfig<?> config, Clock clock, String name,
                              int queueCapacity, Map<TopicPartition, long[]> restored) {
        this.splitReader = splitReader;
        this.config = config;
        this.clock = clock;
        this.restored = restored;
        this.queue = new HandoverQueue<>(queueCapacity);
        this.thread = new Thread(this, threadName(name));
        this.thread.setDaemon(true);
    }

    /** The fetcher thread's name, as Flink names its fetchers: {@code Source Data Fetcher for <source>}. */
    static String threadName(String sourceName) {
        return "Source Data Fetcher for " + sourceName;
    }

    void start() {
        thread.start();
    }

    // ---- task thread

    /** The next fetched element, or null when none is ready; fails with the fetcher's error once it has none left. */
    KafkaFetch poll() {
        KafkaFetch fetch = queue.poll();
        if (fetch == null) {
            checkErrors();
        }
        return fetch;
    }

    /** Waits for the first element, the reader's first assignment (which the fetcher always sends). */
    KafkaFetch awaitFirst() throws InterruptedException {
        while (true) {
            KafkaFetch fetch = queue.poll(50, TimeUnit.MILLISECONDS);
            if (fetch != null) {
                return fetch;
            }
            checkErrors();
            if (!thread.isAlive()) {
                throw new IllegalStateException("the fetcher thread of Kafka source stopped before assigning partitions");
            }
        }
    }

    private void checkErrors() {
        Throwable t = error;
        if (t != null) {
            throw new IllegalStateException(t.getMessage(), t);
        }
    }

    /** Elements fetched and not yet taken by the task thread. */
    int queued() {
        return queue.size();
    }

    /** Commits {@code offsets} to the group on the fetcher thread (monitoring only). */
    void commitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        commits.add(offsets);
        queue.wakeUpPuttingThread();
        LockSupport.unpark(thread);
    }

    /** Stops the fetcher thread and waits until it has closed the consumer. */
    void close() throws InterruptedException {
        closed = true;
        queue.wakeUpPuttingThread();
        LockSupport.unpark(thread);
        thread.join(CLOSE_GRACE_MILLIS + KafkaPartitionSplitReader.POLL_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            splitReader.wakeUp(); // stuck in a request that waits up to default.api.timeout.ms
            thread.join(CLOSE_TIMEOUT_MILLIS);
        }
        if (thread.isAlive()) {
            LOG.warn("{} did not stop within {} ms", thread.getName(), CLOSE_TIMEOUT_MILLIS);
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    // ---- fetcher thread

    @Override
    public void run() {
        try {
            Map<TopicPartition, Long> finished = new HashMap<>();
            List<KafkaFetch.Split> first = splitReader.discover(restored, true, finished);
            put(KafkaFetch.added(first, finished)); // always, even empty: the task thread waits for it
            long interval = config.discoveryInterval() == null ? Long.MAX_VALUE / 2 : config.discoveryInterval().toMillis();
            long nextDiscovery = clock.millis() + interval;
            while (!closed) {
                runCommits();
                if (clock.millis() >= nextDiscovery) {
                    Map<TopicPartition, Long> endedAtOnce = new HashMap<>();
                    List<KafkaFetch.Split> added = splitReader.discover(restored, false, endedAtOnce);
                    if (!added.isEmpty()) {
                        put(KafkaFetch.added(added, endedAtOnce));
                    }
                    nextDiscovery = clock.millis() + interval;
                }
                if (!splitReader.hasPartitions()) {
                    // nothing to poll (the consumer refuses a poll without partitions): wait for discovery, a commit or close
                    LockSupport.parkNanos(KafkaPartitionSplitReader.POLL_TIMEOUT.toNanos());
                    continue;
                }
                KafkaFetch fetch = splitReader.fetch();
                if (fetch != null) {
                    put(fetch);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            if (!closed) {
                error = e;
            }
        } catch (Throwable t) {
            error = t;
        } finally {
            try {
                runCommits();
                splitReader.close();
            } catch (RuntimeException e) {
                LOG.warn("{} could not close its consumer: {}", thread.getName(), e.toString());
            }
        }
    }

    /** Puts {@code fetch} into the queue, waiting for room; between waits it runs commits; gives up when closed. */
    private void put(KafkaFetch fetch) throws InterruptedException {
        while (!closed) {
            if (queue.put(fetch)) {
                return;
            }
            runCommits();
        }
    }

    private void runCommits() {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        while ((offsets = commits.poll()) != null) {
            splitReader.commit(offsets);
        }
    }
}
