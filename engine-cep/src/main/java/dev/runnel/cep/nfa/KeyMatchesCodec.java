package dev.runnel.cep.nfa;

import dev.runnel.checkpoint.StateSerializers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one key's matcher state to a checkpoint and reads it back: its partial and completed
 * matches with the part of the shared buffer they reach. Path nodes and events are shared between
 * partial matches (that is the point of the shared buffer), so they are written once each, numbered,
 * with their reference counts, and rebuilt as the same graph: a restored key releases its nodes and
 * events exactly when the uninterrupted one would have. Checkpoint time only.
 */
public final class KeyMatchesCodec {
    private final Nfa nfa;
    private final CompiledPattern pattern;
    private final NfaState[] statesById;
    private final Map<String, String> stages = new HashMap<>();

    public KeyMatchesCodec(Nfa nfa) {
        this.nfa = nfa;
        this.pattern = nfa.pattern();
        this.statesById = new NfaState[pattern.states().size()];
        for (NfaState st : pattern.states()) {
            statesById[st.id] = st;
            stages.put(st.stage, st.stage);
        }
    }

    /** {@code what} names the state in error messages. */
    public void write(KeyMatches km, DataOutput out, StateSerializers serializers, String what) throws IOException {
        serializers.write(what, km.key, out);
        out.writeLong(km.nextSeq);
        out.writeLong(km.deadline);
        out.writeInt(km.bufferedEvents);
        out.writeLong(km.timerAt);
        // number nodes so that a node's predecessor always comes first
        IdentityHashMap<PathNode, Integer> nodeIds = new IdentityHashMap<>();
        IdentityHashMap<EventEntry, Integer> entryIds = new IdentityHashMap<>();
        List<PathNode> nodes = new ArrayList<>();
        List<EventEntry> entries = new ArrayList<>();
        for (int i = 0; i < km.size; i++) {
            number(km.partials[i].node, nodeIds, nodes, entryIds, entries);
        }
        for (int i = 0; i < km.completedSize; i++) {
            number(km.completed[i].node, nodeIds, nodes, entryIds, entries);
        }
        out.writeInt(entries.size());
        for (EventEntry e : entries) {
            serializers.write(what, e.event, out);
            out.writeLong(e.timestamp);
            out.writeLong(e.seq);
            out.writeInt(e.refs);
        }
        out.writeInt(nodes.size());
        for (PathNode n : nodes) {
            out.writeInt(entryIds.get(n.entry));
            out.writeUTF(n.stage);
            out.writeInt(n.prev == null ? -1 : nodeIds.get(n.prev));
            out.writeInt(n.refs);
        }
        writeRuns(km.partials, km.size, nodeIds, out);
        writeRuns(km.completed, km.completedSize, nodeIds, out);
        if (km.sameTimestamp == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(km.sameTimestamp.size());
            for (var it = km.sameTimestamp.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                out.writeLong(e.getKey());
                out.writeInt(e.getValue().size());
                for (Object event : e.getValue()) {
                    serializers.write(what, event, out);
                }
            }
        }
    }

    private static void number(PathNode node, IdentityHashMap<PathNode, Integer> nodeIds, List<PathNode> nodes,
                               IdentityHashMap<EventEntry, Integer> entryIds, List<EventEntry> entries) {
        if (node == null || nodeIds.containsKey(node)) {
            return;
        }
        // iterative: paths can be as long as a times(n) or oneOrMore stage runs
        ArrayList<PathNode> chain = new ArrayList<>();
        for (PathNode n = node; n != null && !nodeIds.containsKey(n); n = n.prev) {
            chain.add(n);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            PathNode n = chain.get(i);
            nodeIds.put(n, nodes.size());
            nodes.add(n);
            if (!entryIds.containsKey(n.entry)) {
                entryIds.put(n.entry, entries.size());
                entries.add(n.entry);
            }
        }
    }

    private static void writeRuns(PartialMatch[] runs, int size, IdentityHashMap<PathNode, Integer> nodeIds, DataOutput out)
            throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            PartialMatch pm = runs[i];
            out.writeInt(pm.state.id);
            out.writeInt(pm.node == null ? -1 : nodeIds.get(pm.node));
            out.writeLong(pm.startTimestamp);
            out.writeLong(pm.startSeq);
            out.writeLong(pm.previousTimestamp);
            out.writeLong(pm.matchTimestamp);
        }
    }

    /**
     * Reads one key's state; if {@code owned} accepts the key (after a change of parallelism a subtask
     * reads every old subtask's keys) returns it, with its partial matches, nodes and events added to
     * the matcher's counts, otherwise null.
     */
    public KeyMatches read(DataInput in, StateSerializers serializers, String what, java.util.function.Predicate<Object> owned)
            throws IOException {
        KeyMatches km = new KeyMatches(serializers.read(what, in));
        km.nextSeq = in.readLong();
        km.deadline = in.readLong();
        km.bufferedEvents = in.readInt();
        km.timerAt = in.readLong();
        EventEntry[] entries = new EventEntry[in.readInt()];
        for (int i = 0; i < entries.length; i++) {
            Object event = serializers.read(what, in);
            entries[i] = new EventEntry(event, in.readLong(), in.readLong());
            entries[i].refs = in.readInt();
        }
        PathNode[] nodes = new PathNode[in.readInt()];
        for (int i = 0; i < nodes.length; i++) {
            EventEntry entry = entries[in.readInt()];
            String stage = in.readUTF();
            int prev = in.readInt();
            nodes[i] = new PathNode(entry, stages.getOrDefault(stage, stage), prev < 0 ? null : nodes[prev]);
            nodes[i].refs = in.readInt();
        }
        km.size = in.readInt();
        km.partials = new PartialMatch[Math.max(1, km.size)];
        km.stateIds = new int[km.partials.length];
        for (int i = 0; i < km.size; i++) {
            km.partials[i] = readRun(in, nodes);
            km.stateIds[i] = km.partials[i].state.id;
        }
        km.completedSize = in.readInt();
        km.completed = new PartialMatch[Math.max(1, km.completedSize)];
        for (int i = 0; i < km.completedSize; i++) {
            km.completed[i] = readRun(in, nodes);
        }
        int timestamps = in.readInt();
        if (timestamps >= 0) {
            km.sameTimestamp = new org.agrona.collections.Long2ObjectHashMap<>();
            for (int t = 0; t < timestamps; t++) {
                long ts = in.readLong();
                int n = in.readInt();
                ArrayList<Object> events = new ArrayList<>(Math.max(2, n));
                for (int i = 0; i < n; i++) {
                    events.add(serializers.read(what, in));
                }
                km.sameTimestamp.put(ts, events);
            }
        }
        if (!owned.test(km.key)) {
            return null;
        }
        nfa.restored(km.size, nodes.length, entries.length);
        return km;
    }

    private PartialMatch readRun(DataInput in, PathNode[] nodes) throws IOException {
        int stateId = in.readInt();
        if (stateId < 0 || stateId >= statesById.length) {
            throw new IOException("Restored partial match is in state " + stateId + ", but the pattern has "
                + statesById.length + " states; the pattern changed since the checkpoint:\n" + pattern.describe());
        }
        int node = in.readInt();
        PartialMatch pm = new PartialMatch(statesById[stateId], node < 0 ? null : nodes[node], in.readLong(), in.readLong(),
            in.readLong());
        pm.matchTimestamp = in.readLong();
        return pm;
    }
}
