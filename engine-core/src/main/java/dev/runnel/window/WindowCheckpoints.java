package dev.runnel.window;

import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.state.WindowStateSlots;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * What the window operators share when they write and read checkpoints: per-window state slot
 * names, and window contents with a compact form for the reduce accumulator (a holder of one value),
 * the commonest contents, which Java serialization would write with a class descriptor each time.
 */
final class WindowCheckpoints {
    private static final byte REDUCED = 1;
    private static final byte OTHER = 2;

    private WindowCheckpoints() {}

    static void writeNames(DataOutput out, List<String> names) throws IOException {
        out.writeInt(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    /**
     * Gives each restored slot name its old slot. After a change of parallelism several old subtasks'
     * snapshots are read; they carry the same names in the same slots.
     */
    static void reserveNames(DataInput in, WindowStateSlots slots, String operator) throws IOException {
        int n = in.readInt();
        List<String> existing = slots.names();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            if (i < existing.size()) {
                if (!existing.get(i).equals(name)) {
                    throw new IOException("Operator '" + operator + "': restored window state slot " + i + " is '" + name
                        + "' in one snapshot and '" + existing.get(i) + "' in another");
                }
            } else {
                slots.reserve(i, name);
            }
        }
    }

    static void writeContents(Object contents, DataOutput out, StateSerializers serializers, String what) throws IOException {
        if (contents instanceof ReduceAggregate.Holder<?> holder) {
            out.writeByte(REDUCED);
            serializers.write(what, holder.value, out);
        } else {
            out.writeByte(OTHER);
            serializers.write(what, contents, out);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object readContents(DataInput in, StateSerializers serializers, String what) throws IOException {
        byte kind = in.readByte();
        if (kind == REDUCED) {
            ReduceAggregate.Holder holder = new ReduceAggregate.Holder();
            holder.value = serializers.read(what, in);
            return holder;
        }
        if (kind != OTHER) {
            throw new IOException("Unknown window contents tag " + kind + " in " + what);
        }
        return serializers.read(what, in);
    }

    /**
     * Per-window state of the sliced operator with lateness: by window end, then key, a slot array.
     * Window ends are written as timer namespaces (a Long) would be, keys and values with the serializers.
     */
    static void writeWindowStates(org.agrona.collections.Long2ObjectHashMap<java.util.HashMap<Object, Object[]>> states,
                                  DataOutput out, StateSerializers serializers, String what) throws IOException {
        out.writeInt(states.size());
        for (var byEnd = states.entrySet().iterator(); byEnd.hasNext(); ) {
            var e = byEnd.next();
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (java.util.Map.Entry<Object, Object[]> byKey : e.getValue().entrySet()) {
                serializers.write(what + " (key)", byKey.getKey(), out);
                Object[] slots = byKey.getValue();
                out.writeInt(slots == null ? -1 : slots.length);
                for (int i = 0; slots != null && i < slots.length; i++) {
                    serializers.write(what, slots[i], out);
                }
            }
        }
    }

    static void readWindowStates(org.agrona.collections.Long2ObjectHashMap<java.util.HashMap<Object, Object[]>> states,
                                 DataInput in, StateSerializers serializers, String what,
                                 java.util.function.Predicate<Object> owned) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            long end = in.readLong();
            for (int k = in.readInt(); k > 0; k--) {
                Object key = serializers.read(what + " (key)", in);
                int length = in.readInt();
                Object[] slots = length < 0 ? null : new Object[length];
                for (int i = 0; i < length; i++) {
                    slots[i] = serializers.read(what, in);
                }
                if (owned.test(key)) {
                    states.computeIfAbsent(end, x -> new java.util.HashMap<>()).put(key, slots);
                }
            }
        }
    }

    /** Timers whose key is one shared sentinel: time and namespace (null or a window end) only. */
    static void writeSharedTimers(dev.runnel.time.TimerQueue timers, DataOutput out) throws IOException {
        out.writeLong(timers.size());
        timers.forEach((time, key, namespace) -> {
            out.writeLong(time);
            out.writeBoolean(namespace != null);
            if (namespace != null) {
                out.writeLong((Long) namespace);
            }
        });
    }

    /** Registers them again in firing order; de-duplicated, since every old subtask had the same ones. */
    static void readSharedTimers(dev.runnel.time.TimerQueue timers, Object sharedKey, DataInput in) throws IOException {
        for (long n = in.readLong(); n > 0; n--) {
            long time = in.readLong();
            Object namespace = in.readBoolean() ? (Object) in.readLong() : null;
            timers.register(sharedKey, namespace, time);
        }
    }
}
