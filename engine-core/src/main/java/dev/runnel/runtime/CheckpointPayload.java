package dev.runnel.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint file's payload holds: each source's position by source name, and each operator
 * subtask's state by operator name, subtask and the parallelism it ran at (so that a restore can
 * hand it to a different number of subtasks).
 */
record CheckpointPayload(List<SourceEntry> sources, List<OperatorEntry> operators) {
    record SourceEntry(String name, byte[] blob) {}

    record OperatorEntry(String name, int subtask, int parallelism, byte[] blob) {}

    byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(sources.size());
        for (SourceEntry s : sources) {
            out.writeUTF(s.name());
            out.writeInt(s.blob().length);
            out.write(s.blob());
        }
        out.writeInt(operators.size());
        for (OperatorEntry e : operators) {
            out.writeUTF(e.name());
            out.writeInt(e.subtask());
            out.writeInt(e.parallelism());
            out.writeInt(e.blob().length);
            out.write(e.blob());
        }
        out.flush();
        return bytes.toByteArray();
    }

    static CheckpointPayload decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        List<SourceEntry> sources = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String name = in.readUTF();
            sources.add(new SourceEntry(name, readBlob(in)));
        }
        List<OperatorEntry> operators = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String name = in.readUTF();
            int subtask = in.readInt();
            int parallelism = in.readInt();
            operators.add(new OperatorEntry(name, subtask, parallelism, readBlob(in)));
        }
        return new CheckpointPayload(sources, operators);
    }

    private static byte[] readBlob(DataInputStream in) throws IOException {
        byte[] blob = new byte[in.readInt()];
        in.readFully(blob);
        return blob;
    }
}
