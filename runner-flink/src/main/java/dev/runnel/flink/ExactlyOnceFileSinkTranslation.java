package dev.runnel.flink;

import dev.runnel.api.sink.ExactlyOnceFileSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * Runnel's {@link ExactlyOnceFileSink} as Flink's {@link FileSink}: the same directory and lines,
 * exactly-once through Flink's own two-phase commit (a part file is written hidden, pending at a
 * checkpoint, and made visible when that checkpoint completes or at the end of a bounded input).
 * Rolling on every checkpoint makes the parts follow the checkpoints as Runnel's do.
 *
 * <p>Only the file names differ: Flink names parts {@code part-<writer id>-<n>} (hidden ones start with a
 * dot), Runnel {@code part-<subtask>-<n>}, so {@link ExactlyOnceFileSink#readCommitted} reads Runnel's
 * directories; a directory Flink wrote is read as its visible files (docs/flink-runner.md). Flink's
 * sink cannot take over a directory Runnel's sink wrote (or the reverse): give each engine its own.
 */
final class ExactlyOnceFileSinkTranslation {
    private ExactlyOnceFileSinkTranslation() {}

    static DataStreamSink<Object> sinkTo(String name, ExactlyOnceFileSink<Object> sink, DataStream<Object> in) {
        Path directory = new Path(sink.directory().toAbsolutePath().toUri());
        FileSink<Object> fileSink = FileSink
            .forRowFormat(directory, new LineEncoder(Shipped.of(sink.lineFormat(), "the line format of sink '" + name + "'")))
            .withBucketAssigner(new BasePathBucketAssigner<>())
            .withRollingPolicy(OnCheckpointRollingPolicy.build())
            .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("part").build())
            .build();
        return in.sinkTo(fileSink);
    }

    /** One line per record, UTF-8, as Runnel's sink writes it. */
    private static final class LineEncoder implements Encoder<Object> {
        private static final long serialVersionUID = 1L;
        private final Shipped<Function<Object, String>> toLine;
        private transient Function<Object, String> format;

        LineEncoder(Shipped<Function<Object, String>> toLine) {
            this.toLine = toLine;
        }

        @Override
        public void encode(Object record, OutputStream out) throws IOException {
            if (format == null) {
                format = toLine.get();
            }
            out.write(format.apply(record).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
