package dev.runnel.cep.nfa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * A pattern operator's keys with anything in flight (per rule, for dynamic patterns), each with its {@link KeyMatches}. Long keys
 * (the common case) live in a primitive map, which avoids boxing-aware equals and hashing on the
 * per-event lookup; other keys in a plain hash map.
 */
public final class KeyMatchesByKey {
    private final HashMap<Object, KeyMatches> keys = new HashMap<>(1024);
    private final Long2ObjectHashMap<KeyMatches> longKeys = new Long2ObjectHashMap<>();

    /** The key's matches, {@code null} if it holds nothing. */
    public KeyMatches get(Object key) {
        return key instanceof Long l ? longKeys.get(l.longValue()) : keys.get(key);
    }

    public KeyMatches getOrCreate(Object key) {
        if (key instanceof Long l) {
            long k = l;
            KeyMatches km = longKeys.get(k);
            if (km == null) {
                km = new KeyMatches(key);
                longKeys.put(k, km);
            }
            return km;
        }
        KeyMatches km = keys.get(key);
        if (km == null) {
            km = new KeyMatches(key);
            keys.put(key, km);
        }
        return km;
    }

    /** Adds restored matches. */
    public void put(KeyMatches km) {
        if (km.key() instanceof Long l) {
            longKeys.put(l.longValue(), km);
        } else {
            keys.put(km.key(), km);
        }
    }

    /** Forgets {@code km} if it is still the one registered for its key. */
    public void remove(KeyMatches km) {
        Object key = km.key();
        if (key instanceof Long l) {
            if (longKeys.get(l.longValue()) == km) {
                longKeys.remove(l.longValue());
            }
        } else if (keys.get(key) == km) {
            keys.remove(key);
        }
    }

    public boolean isEmpty() {
        return keys.isEmpty() && longKeys.isEmpty();
    }

    public void clear() {
        keys.clear();
        longKeys.clear();
    }

    public int size() {
        return keys.size() + longKeys.size();
    }

    /** Every key's matches, copied into a list (for snapshots, not for the record path). */
    public List<KeyMatches> all() {
        List<KeyMatches> all = new ArrayList<>(size());
        all.addAll(keys.values());
        all.addAll(longKeys.values());
        return all;
    }
}
