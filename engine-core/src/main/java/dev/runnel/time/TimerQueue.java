package dev.runnel.time;

import org.agrona.collections.Long2LongHashMap;

/**
 * Timers of one operator instance in one time domain, grouped by timestamp: the timers of one
 * instant form a chain of entries in a {@link TimerSlab}, which holds them in primitive arrays (no
 * object per timer, none per instant) and de-duplicates them. Timers fire in
 * timestamp order; within one timestamp in registration order. Timers registered while firing (at
 * or before the limit) fire in the same {@link #advance} call. Not thread-safe: one operator thread
 * owns it.
 *
 * <p>Layout: a timing wheel (a ring of chains indexed by timestamp, one slot per millisecond,
 * after Varghese and Lauck's timing wheels and Agrona's {@code DeadlineTimerWheel}) holds timers in
 * {@code [cursor, cursor + slots)}; it grows up to {@value #MAX_SLOTS} slots while the instants it
 * would hold are dense enough (at least one per 64 slots). Timers outside that
 * range — in the past, or far in the future — live in an overflow min-heap with a hash index, and
 * far ones move into the wheel when the cursor reaches them. Registration and firing are O(1) for
 * the common case of timers a little ahead of the watermark, and the slots are touched in order,
 * which keeps caches warm when hundreds of thousands of distinct timestamps are pending.
 */
public final class TimerQueue {
    private static final int INITIAL_SLOTS = 1024;
    private static final int MAX_SLOTS = 1 << 22;

    private final TimerSlab slab = new TimerSlab();
    /** Per slot, the head entry of its instant's chain plus one; valid where {@link #occupied} has the slot's bit. */
    private int[] wheel = new int[INITIAL_SLOTS];
    /** One bit per wheel slot, set when the slot holds a chain: empty stretches are skipped 64 slots at a time. */
    private long[] occupied = new long[INITIAL_SLOTS / 64];
    private int mask = INITIAL_SLOTS - 1;
    /** Every timer below the cursor is either fired or in the overflow. */
    private long cursor = Long.MIN_VALUE;
    private int wheelChains;
    private long firedUpTo = Long.MIN_VALUE;

    /** Highest timestamp put in the wheel since it was last empty (bounds how far the cursor may move back). */
    private long wheelMax = Long.MIN_VALUE;

    /** Head entry of each overflow instant's chain, by time. */
    private final Long2LongHashMap overflowIndex = new Long2LongHashMap(NO_CHAIN);
    private static final long NO_CHAIN = -1;
    /** Overflow timers behind the cursor: due at the next advance, before anything in the wheel. */
    private final LongMinHeap past = new LongMinHeap();
    /** Overflow timers beyond the wheel's range: they move into the wheel as the cursor nears them. */
    private final LongMinHeap far = new LongMinHeap();

    private long timerCount;
    private int firingTag;

    /** Registers a timer; returns false if the same (key, namespace, time) is already registered. */
    public boolean register(Object key, Object namespace, long time) {
        int head = headOf(time);
        if (head >= 0 && slab.find(head, key, namespace) >= 0) {
            return false;
        }
        int e = slab.add(time, key, namespace);
        if (head >= 0) {
            slab.append(head, e);
        } else {
            attach(time, e);
        }
        timerCount++;
        return true;
    }

    /**
     * Registers a timer the caller knows is not registered yet (e.g. the first timer of a new
     * slice), skipping the de-duplication lookup. Registering a duplicate this way fires it twice.
     */
    public void registerUnique(Object key, Object namespace, long time) {
        attach(time, slab.add(time, key, namespace));
        timerCount++;
    }

    /**
     * {@link #registerUnique(Object, Object, long)} with a tag, a number the handler reads with
     * {@link #firingTag()} while the timer fires: what the registrant knew then and would otherwise
     * have to read again from the key or namespace, which have usually left the cache by then.
     * Tags are not part of {@link #snapshot}: a restored timer fires with tag 0.
     */
    public void registerUnique(Object key, Object namespace, long time, int tag) {
        int e = slab.add(time, key, namespace);
        slab.setTag(e, tag);
        attach(time, e);
        timerCount++;
    }

    /** The tag of the timer whose handler is running (0 if it was registered without one). */
    public int firingTag() {
        return firingTag;
    }

    /**
     * Deletes a pending timer; returns false if there is none. A timer of the instant being fired
     * is no longer pending (its chain is detached first), so it cannot be deleted any more.
     */
    public boolean delete(Object key, Object namespace, long time) {
        int head = headOf(time);
        int e = head < 0 ? -1 : slab.find(head, key, namespace);
        if (e < 0) {
            return false;
        }
        slab.markRemoved(head, e);
        timerCount--;
        return true;
    }

    /** Number of registered timers (not distinct timestamps). */
    public long size() {
        return timerCount;
    }

    public boolean isEmpty() {
        return timerCount == 0;
    }

    /** Slots of the wheel (for tests of its growth). */
    int wheelSlots() {
        return wheel.length;
    }

    private boolean inWheel(long time) {
        long distance = time - cursor; // negative on overflow, i.e. far beyond any wheel
        return time >= cursor && distance >= 0 && distance < wheel.length;
    }

    /** The head entry of the chain of {@code time}, or -1 if it has none (a chain being fired is detached). */
    private int headOf(long time) {
        if (inWheel(time)) {
            int slot = (int) time & mask;
            return (occupied[slot >>> 6] & (1L << slot)) != 0 ? wheel[slot] - 1 : -1;
        }
        return (int) overflowIndex.get(time);
    }

    /** Appends entry {@code e} to the chain of {@code time}, which it starts if there is none. */
    private void attach(long time, int e) {
        if (!inWheel(time)) {
            makeRoom(time);
        }
        if (inWheel(time)) {
            int slot = (int) time & mask;
            if ((occupied[slot >>> 6] & (1L << slot)) != 0) {
                slab.append(wheel[slot] - 1, e);
                return;
            }
            wheel[slot] = e + 1;
            occupied[slot >>> 6] |= 1L << slot;
            wheelChains++;
            if (time > wheelMax) {
                wheelMax = time;
            }
            return;
        }
        long head = overflowIndex.get(time);
        if (head != NO_CHAIN) {
            slab.append((int) head, e);
        } else {
            overflowIndex.put(time, e);
            (time < cursor ? past : far).push(time);
        }
    }

    /** Tries to bring {@code time} into the wheel's range: re-base an empty wheel, move the cursor back, or grow. */
    private void makeRoom(long time) {
        if (wheelChains == 0 && past.isEmpty()) {
            // never before what already fired, so a re-based cursor does not skip due overflow timers
            long floor = firedUpTo == Long.MAX_VALUE ? Long.MAX_VALUE : firedUpTo + 1;
            cursor = Math.max(floor, time - (wheel.length >> 2));
            if (!far.isEmpty() && far.peek() < cursor) {
                // a far timer registered while firing may be due before the new time: the cursor must
                // not pass it, or it would stay in the overflow forever
                cursor = far.peek();
            }
            if (cursor > time) {
                cursor = time;
            }
            wheelMax = Long.MIN_VALUE;
            migrateFar();
        } else if (time < cursor && past.isEmpty() && (wheelChains == 0 || wheelMax - time < wheel.length)) {
            cursor = time; // every wheel timer stays within [time, time + slots): slots are indexed by absolute time
        }
        long distance = time - cursor;
        if (!inWheel(time) && time > cursor && distance > 0 && distance < MAX_SLOTS && denseEnough(distance + 1)) {
            grow(time - cursor + 1);
        }
    }

    /**
     * Whether a wheel of {@code needed} slots would hold at least one instant per 64 slots, the
     * stretch one word of {@link #occupied} skips. Sparser instants stay in the overflow heap: a
     * window operator's one timer per second of event time spans millions of milliseconds when a
     * fast source runs far ahead of the watermark, and a wheel that size (16 MB at W1's rate) would be
     * mostly empty slots, scanned at each firing and copied by every young collection.
     */
    private boolean denseEnough(long needed) {
        return (wheelChains + far.size() + 1L) * 64 >= needed;
    }

    private void grow(long needed) {
        int capacity = wheel.length;
        while (capacity < needed && capacity < MAX_SLOTS) {
            capacity <<= 1;
        }
        int[] old = wheel;
        long[] oldOccupied = occupied;
        int oldMask = mask;
        wheel = new int[capacity];
        occupied = new long[capacity / 64];
        mask = capacity - 1;
        // a wheel chain's time is the one in [cursor, cursor + old length) with its slot's low bits,
        // so moving reads no entry: with a million pending timestamps each read would be a cache miss
        for (int w = 0; w < oldOccupied.length; w++) {
            long bits = oldOccupied[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int slot = (int) (cursor + ((i - cursor) & oldMask)) & mask;
                wheel[slot] = old[i];
                occupied[slot >>> 6] |= 1L << slot;
            }
        }
        migrateFar();
    }

    /** Moves far overflow timers that the wheel's range now covers into the wheel. */
    private void migrateFar() {
        while (!far.isEmpty() && inWheel(far.peek())) {
            long t = far.pop();
            int head = (int) overflowIndex.remove(t);
            int slot = (int) t & mask;
            wheel[slot] = head + 1;
            occupied[slot >>> 6] |= 1L << slot;
            wheelChains++;
            if (t > wheelMax) {
                wheelMax = t;
            }
        }
    }

    /** Fires every timer with time at or before {@code limit}; returns how many fired. */
    public int advance(long limit, TimerHandler handler) {
        if (limit > firedUpTo) {
            firedUpTo = limit;
        }
        int fired = 0;
        while (true) {
            if (!past.isEmpty() && past.peek() <= limit) {
                long t = past.pop();
                fired += fire((int) overflowIndex.remove(t), handler);
                continue;
            }
            if (cursor > limit) {
                break;
            }
            if (wheelChains == 0) {
                // nothing in the wheel: jump straight to the limit or the next far timer
                long next = far.isEmpty() ? Long.MAX_VALUE : far.peek();
                long jump = Math.min(limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + 1, next);
                if (jump <= cursor) {
                    break;
                }
                cursor = jump;
                migrateFar();
                if (wheelChains == 0) {
                    break;
                }
                continue;
            }
            int slot = (int) cursor & mask;
            if ((occupied[slot >>> 6] & (1L << slot)) != 0 && slab.time(wheel[slot] - 1) == cursor) {
                // detach before firing: timers registered for this instant meanwhile start a fresh chain
                int head = wheel[slot] - 1;
                occupied[slot >>> 6] &= ~(1L << slot);
                wheelChains--;
                fired += fire(head, handler);
                continue;
            }
            if (cursor == Long.MAX_VALUE) {
                break; // the last representable instant is done
            }
            long bound = cursor > Long.MAX_VALUE - wheel.length ? limit : Math.min(limit, cursor + wheel.length - 1);
            long found = nextOccupied(cursor + 1, bound);
            if (found == NONE) {
                if (bound == Long.MAX_VALUE) {
                    cursor = Long.MAX_VALUE;
                    break;
                }
                cursor = bound + 1;
            } else {
                cursor = found;
            }
            if (!far.isEmpty()) {
                migrateFar();
            }
        }
        return fired;
    }


    private static final long NONE = Long.MIN_VALUE;

    /** The first time in {@code [from, to]} whose slot holds a chain, or {@link #NONE}; {@code to - from} is below the wheel size. */
    private long nextOccupied(long from, long to) {
        long t = from;
        while (t <= to) {
            int slot = (int) t & mask;
            long bits = occupied[slot >>> 6] >>> (slot & 63);
            if (bits != 0) {
                long found = t + Long.numberOfTrailingZeros(bits);
                return found <= to && found >= t ? found : NONE;
            }
            long step = 64 - (slot & 63);
            if (t > Long.MAX_VALUE - step) {
                return NONE;
            }
            t += step;
        }
        return NONE;
    }

    /**
     * Fires a detached chain. Its timers stop being pending first, so that while they fire, the
     * same timers registered again start a fresh chain and fire after them, and deleting them finds
     * nothing. Each entry is freed before its handler runs, which may
     * reuse it.
     */
    private int fire(int head, TimerHandler handler) {
        TimerSlab s = slab;
        s.detach(head);
        int fired = 0;
        long time = s.time(head);
        int e = head;
        while (e >= 0) {
            int next = s.next(e);
            if (s.isRemoved(e)) {
                s.free(e);
            } else {
                Object key = s.key(e);
                Object namespace = s.namespace(e);
                firingTag = s.tag(e);
                s.free(e);
                timerCount--;
                fired++;
                handler.onTimer(key, namespace, time);
            }
            e = next;
        }
        return fired;
    }

    /**
     * The earliest pending timestamp as seen from another thread, for monitoring only; {@code Long.MIN_VALUE}
     * when there is none or it cannot be told. The owning thread writes these fields without
     * synchronization, so the answer may be a moment stale (a timer just fired or registered) and,
     * while the wheel or the slab is being resized, missing; it never throws and never blocks the owner.
     * Cost: a scan of the occupancy bitmap from the cursor (at most one bit per slot, 64 per word).
     */
    public long earliestTimeForMonitoring() {
        try {
            if (timerCount <= 0) {
                return Long.MIN_VALUE;
            }
            long best = Long.MAX_VALUE;
            if (!past.isEmpty()) {
                best = Math.min(best, past.peek());
            }
            if (!far.isEmpty()) {
                best = Math.min(best, far.peek());
            }
            int[] w = wheel;
            long[] occ = occupied;
            long from = cursor;
            int m = w.length - 1;
            if (occ.length * 64 == w.length && from <= Long.MAX_VALUE - w.length) {
                long t = from;
                long end = from + w.length;
                while (t < end && t < best) {
                    int slot = (int) t & m;
                    long bits = occ[slot >>> 6] >>> (slot & 63);
                    if (bits == 0) {
                        t += 64 - (slot & 63);
                        continue;
                    }
                    long found = t + Long.numberOfTrailingZeros(bits);
                    int head = w[(int) found & m] - 1;
                    // bounded walk: the owner may relink entries meanwhile
                    if (head >= 0 && slab.time(head) == found && slab.anyLive(head, 64)) {
                        best = Math.min(best, found);
                        break;
                    }
                    t = found + 1;
                }
            }
            return best == Long.MAX_VALUE ? Long.MIN_VALUE : best;
        } catch (RuntimeException racyRead) {
            return Long.MIN_VALUE;
        }
    }

    /** The latest pending timestamp, or {@code Long.MIN_VALUE} if there is none. O(slots). */
    public long maxTime() {
        long max = Long.MIN_VALUE;
        for (int head : chains()) {
            if (slab.time(head) > max && slab.anyLive(head, Integer.MAX_VALUE)) {
                max = slab.time(head);
            }
        }
        return max;
    }

    /** The head entry of every chain (not in time order). Not on the record path. */
    private int[] chains() {
        int[] heads = new int[past.size() + far.size() + wheelChains];
        int n = 0;
        for (LongMinHeap heap : new LongMinHeap[] {past, far}) {
            for (int i = 0; i < heap.size(); i++) {
                heads[n++] = (int) overflowIndex.get(heap.get(i));
            }
        }
        for (int w = 0; w < occupied.length && wheelChains > 0; w++) {
            long bits = occupied[w];
            while (bits != 0) {
                heads[n++] = wheel[(w << 6) + Long.numberOfTrailingZeros(bits)] - 1;
                bits &= bits - 1;
            }
        }
        return heads;
    }

    // ---- checkpoints (never on the record path)

    /** Receives the timers of {@link #forEach}; may throw I/O errors, since it serves checkpoints. */
    @FunctionalInterface
    public interface TimerVisitor {
        void visit(long time, Object key, Object namespace) throws java.io.IOException;
    }

    /**
     * Visits every pending timer in firing order (timestamp, then registration order), so that
     * registering them again in this order reproduces the queue. For checkpoints: not on the record path.
     */
    public void forEach(TimerVisitor visitor) throws java.io.IOException {
        // one chain per instant, so sorting the heads by time gives firing order
        Integer[] heads = java.util.Arrays.stream(chains()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(heads, java.util.Comparator.comparingLong(slab::time));
        for (int head : heads) {
            long time = slab.time(head);
            for (int e = head; e >= 0; e = slab.next(e)) {
                if (!slab.isRemoved(e)) {
                    visitor.visit(time, slab.key(e), slab.namespace(e));
                }
            }
        }
    }

    /** Writes every pending timer (time, key, namespace) in firing order; {@code what} names them in errors. */
    public void snapshot(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers, String what)
            throws java.io.IOException {
        out.writeLong(timerCount);
        String keyWhat = what + " timer key";
        String namespaceWhat = what + " timer namespace";
        forEach((time, key, namespace) -> {
            out.writeLong(time);
            serializers.write(keyWhat, key, out);
            serializers.write(namespaceWhat, namespace, out);
        });
    }

    /**
     * Registers the timers {@link #snapshot} wrote, in their original firing order, of the keys
     * {@code owned} accepts (after a change of parallelism a subtask reads every old subtask's timers).
     */
    public void restore(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers, String what,
                        java.util.function.Predicate<Object> owned) throws java.io.IOException {
        long count = in.readLong();
        String keyWhat = what + " timer key";
        String namespaceWhat = what + " timer namespace";
        for (long i = 0; i < count; i++) {
            long time = in.readLong();
            Object key = serializers.read(keyWhat, in);
            Object namespace = serializers.read(namespaceWhat, in);
            if (owned.test(key)) {
                register(key, namespace, time);
            }
        }
    }
}
