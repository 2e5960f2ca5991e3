package dev.runnel.runtime.exchange;

/**
 * Key-group partitioning, as in Flink: a key hashes to one of {@link #MAX_PARALLELISM} key groups
 * and key groups map to subtasks in contiguous ranges, so a key's state and timers live in exactly
 * one subtask and rescaling moves whole key groups.
 */
public final class KeyGroups {
    public static final int MAX_PARALLELISM = 128;

    private KeyGroups() {}

    public static int keyGroup(Object key) {
        int h = key.hashCode();
        // murmur3 finalizer: spreads poor hashCodes (small Longs, sequential ids) over key groups
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return (h & Integer.MAX_VALUE) % MAX_PARALLELISM;
    }

    public static int subtaskFor(Object key, int parallelism) {
        return keyGroup(key) * parallelism / MAX_PARALLELISM;
    }
}
