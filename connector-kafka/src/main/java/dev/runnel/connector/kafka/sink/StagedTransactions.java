package dev.runnel.connector.kafka.sink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An exactly-once writer's state in a checkpoint: the run token that tells its commit markers from
 * those of other runs with the same prefix, the subtask that wrote it, and the records of every
 * checkpoint interval not known to be committed, by checkpoint id.
 */
record StagedTransactions(String token, int subtask, TreeMap<Long, List<ProducerRecord<byte[], byte[]>>> byCheckpoint) {
    private static final int FORMAT_VERSION = 1;

    byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(token);
        out.writeInt(subtask);
        out.writeInt(byCheckpoint.size());
        for (Map.Entry<Long, List<ProducerRecord<byte[], byte[]>>> e : byCheckpoint.entrySet()) {
            out.writeLong(e.getKey());
            out.writeInt(e.getValue().size());
            for (ProducerRecord<byte[], byte[]> r : e.getValue()) {
                writeRecord(out, r);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    static StagedTransactions fromBytes(byte[] blob) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob));
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("Kafka sink: checkpoint format " + version + " is not " + FORMAT_VERSION);
        }
        String token = in.readUTF();
        int subtask = in.readInt();
        int n = in.readInt();
        TreeMap<Long, List<ProducerRecord<byte[], byte[]>>> byCheckpoint = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            long id = in.readLong();
            int count = in.readInt();
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                records.add(readRecord(in));
            }
            byCheckpoint.put(id, records);
        }
        return new StagedTransactions(token, subtask, byCheckpoint);
    }

    private static void writeRecord(DataOutputStream out, ProducerRecord<byte[], byte[]> r) throws IOException {
        out.writeUTF(r.topic());
        out.writeInt(r.partition() == null ? -1 : r.partition());
        out.writeLong(r.timestamp() == null ? -1 : r.timestamp());
        writeBytes(out, r.key());
        writeBytes(out, r.value());
        Header[] headers = r.headers().toArray();
        out.writeInt(headers.length);
        for (Header h : headers) {
            out.writeUTF(h.key());
            writeBytes(out, h.value());
        }
    }

    private static ProducerRecord<byte[], byte[]> readRecord(DataInputStream in) throws IOException {
        String topic = in.readUTF();
        int partition = in.readInt();
        long timestamp = in.readLong();
        byte[] key = readBytes(in);
        byte[] value = readBytes(in);
        int headerCount = in.readInt();
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < headerCount; i++) {
            headers.add(in.readUTF(), readBytes(in));
        }
        return new ProducerRecord<>(topic, partition < 0 ? null : partition, timestamp < 0 ? null : timestamp, key, value, headers);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
