package dev.runnel.api.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an {@link ExactlyOnceFileSink} writer stores in a checkpoint: its subtask; {@code nextSeq},
 * the number of its first part after the checkpoint (so every part of the subtask numbered lower is
 * covered by the checkpoint, every one numbered higher is not); the parts pre-committed and not yet
 * committed; and {@code ends}, the same boundary for every other subtask whose output is in the
 * directory as of this job's start (subtasks of the job it was restored from, or output that was
 * there before a fresh start). Together with the other subtasks' states they say, for each subtask
 * in the directory, where the checkpoint's output ends.
 *
 * @param ends null in a state written before Runnel stored it: a restore then leaves subtasks it does
 *             not know alone
 */
record PartWriterState(int subtask, long nextSeq, List<Pending> pending, Map<Integer, Long> ends) {
    /** Marks the format with {@code ends}; the older one starts with the subtask, which is never negative. */
    private static final int WITH_ENDS = -2;

    /** One pre-committed part waiting for its checkpoint to complete. */
    record Pending(long seq, long checkpointId) {}

    byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(WITH_ENDS);
        out.writeInt(subtask);
        out.writeLong(nextSeq);
        out.writeInt(pending.size());
        for (Pending p : pending) {
            out.writeLong(p.seq());
            out.writeLong(p.checkpointId());
        }
        out.writeInt(ends.size());
        for (Map.Entry<Integer, Long> e : ends.entrySet()) {
            out.writeInt(e.getKey());
            out.writeLong(e.getValue());
        }
        out.flush();
        return bytes.toByteArray();
    }

    static PartWriterState decode(byte[] state) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        int first = in.readInt();
        boolean withEnds = first == WITH_ENDS;
        int subtask = withEnds ? in.readInt() : first;
        long nextSeq = in.readLong();
        List<Pending> pending = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            pending.add(new Pending(in.readLong(), in.readLong()));
        }
        Map<Integer, Long> ends = null;
        if (withEnds) {
            ends = new TreeMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                ends.put(in.readInt(), in.readLong());
            }
        }
        return new PartWriterState(subtask, nextSeq, pending, ends);
    }
}
