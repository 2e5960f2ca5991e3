package dev.runnel.compat.flink.connector.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Writes a {@link FileSink}'s part files: one open in-progress file per hour bucket, rolled by the policy. */
final class PartFileWriter<IN> {
    private static final DateTimeFormatter BUCKET = DateTimeFormatter.ofPattern("yyyy-MM-dd--HH").withZone(ZoneId.systemDefault());

    private final Path basePath;
    private final String prefix;
    private final Encoder<IN> encoder;
    private final DefaultRollingPolicy policy;
    private int partCounter;

    private String bucket;
    private Path inProgress;
    private Path finalName;
    private CountingStream out;
    private long createdMillis;
    private long lastWriteMillis;

    PartFileWriter(Path basePath, String prefix, Encoder<IN> encoder, DefaultRollingPolicy policy) {
        this.basePath = basePath;
        this.prefix = prefix;
        this.encoder = encoder;
        this.policy = policy;
    }

    void write(IN value, long nowMillis) throws IOException {
        String bucketNow = BUCKET.format(Instant.ofEpochMilli(nowMillis));
        if (out != null && (!bucketNow.equals(bucket) || policy.shouldRollOnProcessingTime(createdMillis, lastWriteMillis, nowMillis))) {
            publish();
        }
        if (out == null) {
            start(bucketNow, nowMillis);
        }
        encoder.encode(value, out);
        lastWriteMillis = nowMillis;
        if (policy.shouldRollOnEvent(out.count)) {
            publish();
        }
    }

    void close() throws IOException {
        if (out != null) {
            publish();
        }
    }

    private void start(String bucketName, long nowMillis) throws IOException {
        Path dir = basePath.resolve(bucketName);
        Files.createDirectories(dir);
        String name = prefix + "-" + partCounter++;
        bucket = bucketName;
        finalName = dir.resolve(name);
        inProgress = dir.resolve("." + name + ".inprogress");
        out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(inProgress)));
        createdMillis = nowMillis;
    }

    private void publish() throws IOException {
        out.close();
        out = null;
        Files.move(inProgress, finalName, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream delegate;
        long count;

        CountingStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            delegate.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
