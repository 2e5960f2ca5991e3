package dev.runnel.window;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Groups the entries of a sliding window's slices by key, so that the window fires each key once
 * with its contents from each slice in time order. A first pass over the slices numbers the keys
 * (first-arrival order) in an open-addressing table of the keys' stored hash codes, so a key
 * object is read only when its hash matches; a second pass lays each key's parts out
 * contiguously. All arrays are reused from firing to firing, so a firing allocates nothing once
 * they have grown to the window's entry count.
 *
 * <p>Use: {@link #group} a window's slices; then group {@code g} has key {@link #key key(g)} and
 * parts {@code [end(g - 1), end(g))} (from 0 for the first group); then {@link #clear}, which drops
 * the references to keys and contents. Not thread-safe: one per operator.
 */
final class SliceKeyGroups {
    private int[] groupSlots = filled(new int[128], -1);
    private int[] groupHashes = new int[128];
    private int[] groupSlotOf = new int[64];
    /** Where each group's key was first seen: the key is read from there, boxed only once per group. */
    private SliceTable[] groupTables = new SliceTable[64];
    private int[] groupPositions = new int[64];
    /** Per group, where its parts start in {@link #flatParts} (one past the end after placing). */
    private int[] groupStart = new int[65];
    private int[] entryGroup = new int[64];
    /** Each part as (slice, position), laid out contiguously per group. */
    private SliceTable[] partTables = new SliceTable[64];
    private int[] partPositions = new int[64];
    private final PartsView partsView = new PartsView();
    /** Of the last {@link #group}, for {@link #clear}. */
    private int groups;
    private int entries;

    private static int[] filled(int[] array, int value) {
        Arrays.fill(array, value);
        return array;
    }

    /** Groups the entries of {@code inWindow} (slices in time order) by key; returns the number of keys. */
    int group(SliceTable[] inWindow) {
        int entries = 0;
        for (SliceTable slice : inWindow) {
            entries += slice.count();
        }
        if (entries * 2 > groupSlots.length) {
            int capacity = Integer.highestOneBit(entries * 4 - 1);
            groupSlots = filled(new int[capacity], -1);
            groupHashes = new int[capacity];
        }
        if (entries > entryGroup.length) {
            entryGroup = new int[entries * 2];
            partTables = new SliceTable[entries * 2];
            partPositions = new int[entries * 2];
            groupTables = new SliceTable[entries * 2];
            groupPositions = new int[entries * 2];
            groupStart = new int[entries * 2 + 1];
            groupSlotOf = new int[entries * 2];
        }
        int[] groupSlots = this.groupSlots;
        int[] groupHashes = this.groupHashes;
        SliceTable[] groupTables = this.groupTables;
        int[] groupPositions = this.groupPositions;
        int[] groupStart = this.groupStart;
        int[] entryGroup = this.entryGroup;
        int mask = groupSlots.length - 1;
        int shift = Integer.numberOfLeadingZeros(mask); // Fibonacci hashing: the product's top bits
        int groups = 0;
        int e = 0;
        for (SliceTable slice : inWindow) {
            for (int i = 0, n = slice.count(); i < n; i++, e++) {
                int h = slice.hash(i);
                int at = (h * 0x9E3779B9) >>> shift;
                int g;
                while ((g = groupSlots[at]) >= 0) {
                    if (groupHashes[at] == h && slice.sameKey(i, groupTables[g], groupPositions[g])) {
                        break;
                    }
                    at = (at + 1) & mask;
                }
                if (g < 0) {
                    g = groups++;
                    groupTables[g] = slice;
                    groupPositions[g] = i;
                    groupSlots[at] = g;
                    groupHashes[at] = h;
                    groupSlotOf[g] = at;
                    groupStart[g + 1] = 0;
                }
                groupStart[g + 1]++;
                entryGroup[e] = g;
            }
        }
        groupStart[0] = 0;
        for (int g = 0; g < groups; g++) {
            groupStart[g + 1] += groupStart[g];
        }
        SliceTable[] partTables = this.partTables;
        int[] partPositions = this.partPositions;
        e = 0;
        for (SliceTable slice : inWindow) {
            for (int i = 0, n = slice.count(); i < n; i++, e++) {
                // groupStart[g] walks up to the next group's start while parts are placed
                int at = groupStart[entryGroup[e]]++;
                partTables[at] = slice;
                partPositions[at] = i;
            }
        }
        this.groups = groups;
        this.entries = entries;
        return groups;
    }

    /** The key of group {@code g}. */
    Object key(int g) {
        return groupTables[g].key(groupPositions[g]);
    }

    /** One past the last part of group {@code g}; also where group {@code g + 1}'s parts start. */
    int end(int g) {
        return groupStart[g];
    }

    /** Part {@code i} of the flat layout. */
    Object part(int i) {
        return partTables[i].contents(partPositions[i]);
    }

    /** Parts {@code [from, to)} as a list: a reused view, valid until the next call. */
    List<Object> parts(int from, int to) {
        partsView.show(from, to);
        return partsView;
    }

    /** Empties the key table and drops the references of the last grouping. */
    void clear() {
        for (int g = 0; g < groups; g++) {
            groupTables[g] = null;
            groupSlots[groupSlotOf[g]] = -1;
        }
        Arrays.fill(partTables, 0, entries, null);
        groups = 0;
        entries = 0;
    }

    /** A window's parts for one key: a reusable view of a range of the flat layout. */
    private final class PartsView extends AbstractList<Object> implements RandomAccess {
        private int from;
        private int size;

        void show(int from, int to) {
            this.from = from;
            this.size = to - from;
        }

        @Override
        public Object get(int index) {
            return part(from + index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
