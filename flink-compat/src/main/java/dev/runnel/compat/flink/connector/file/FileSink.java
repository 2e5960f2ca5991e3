package dev.runnel.compat.flink.connector.file;

import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.Sink;
import dev.runnel.compat.flink.fs.Path;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;

/**
 * Flink's {@code FileSink} in row format: records are encoded one after another into part files under
 * {@code basePath}, in one directory per hour ("yyyy-MM-dd--HH", local time, as Flink's default
 * bucket assigner), named {@code part-<uuid>-<n>} as Flink names them. A part file is written as a
 * hidden in-progress file and renamed to its final name when the {@link DefaultRollingPolicy} rolls it
 * or the job ends.
 *
 * <p>Difference from Flink: Flink publishes part files only on checkpoints (and at the end of a
 * bounded job); Runnel publishes them when they roll, so a job that fails leaves the in-progress file
 * of the moment behind and no exactly-once guarantee. For files that follow the checkpoints use
 * Runnel's {@code dev.runnel.api.sink.ExactlyOnceFileSink}.
 */
public final class FileSink<IN> implements Sink<IN>, RichFunction {
    private static final long serialVersionUID = 1L;

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final DefaultRollingPolicy rollingPolicy;
    private transient PartFileWriter<IN> writer;
    private transient int opened;

    private FileSink(Path basePath, Encoder<IN> encoder, DefaultRollingPolicy rollingPolicy) {
        this.basePath = basePath;
        this.encoder = encoder;
        this.rollingPolicy = rollingPolicy;
    }

    /** A builder for a sink writing each record with {@code encoder} into part files under {@code basePath}. */
    public static <IN> DefaultRowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new DefaultRowFormatBuilder<>(Objects.requireNonNull(basePath, "basePath"), Objects.requireNonNull(encoder, "encoder"));
    }

    // Parallel subtasks of the sink share this object, and with it one sequence of part files.
    @Override
    public synchronized void open(RuntimeContext context) {
        if (opened++ == 0) {
            writer = new PartFileWriter<>(basePath.toLocalPath(), "part-" + UUID.randomUUID(), encoder, rollingPolicy);
        }
    }

    @Override
    public synchronized void invoke(IN value) throws IOException {
        writer.write(value, System.currentTimeMillis());
    }

    @Override
    public synchronized void close() throws IOException {
        if (--opened == 0 && writer != null) {
            writer.close();
            writer = null;
        }
    }

    /** Flink's {@code FileSink.DefaultRowFormatBuilder}. */
    public static final class DefaultRowFormatBuilder<IN> {
        private final Path basePath;
        private final Encoder<IN> encoder;
        private DefaultRollingPolicy rollingPolicy = DefaultRollingPolicy.builder().build();

        private DefaultRowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = basePath;
            this.encoder = encoder;
        }

        public DefaultRowFormatBuilder<IN> withRollingPolicy(DefaultRollingPolicy policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(basePath, encoder, rollingPolicy);
        }
    }
}
