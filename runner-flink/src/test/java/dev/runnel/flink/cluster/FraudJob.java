package dev.runnel.flink.cluster;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.Source;
import dev.runnel.examples.frauddetector.FraudDetector;
import dev.runnel.examples.frauddetector.Transaction;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * S1, the fraud detector, exactly as the examples build it, with each of its outputs written by an
 * {@link ExactlyOnceFileSink} into its own directory under {@code out}: on Runnel Runnel's sink, on
 * Flink Flink's FileSink, so output comes back from the TaskManagers through files.
 */
public final class FraudJob {
    /** The outputs, each a directory under the job's output directory. */
    public static final List<String> OUTPUTS = List.of("sums", "anomalies", "late", "silent", "outliers", "future");

    private FraudJob() {}

    /**
     * What {@code flink run -c dev.runnel.flink.cluster.FraudJob job.jar OUT CHECKPOINTS} runs: the
     * detector at parallelism 2 over {@link TransactionScript#withDisorder} rows, checkpointed, on
     * whatever Flink {@code FlinkRunner.execute} finds (the cluster under {@code flink run}).
     */
    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2)
            .enableCheckpointing(java.time.Duration.ofMillis(200), new dev.runnel.checkpoint.CheckpointStorage(Path.of(args[1]), 1));
        build(env, TransactionScript.withDisorder(42, 1500), Path.of(args[0]));
        dev.runnel.flink.FlinkRunner.execute(env, "fraud");
    }

    public static void build(StreamEnvironment env, Source<Transaction> source, Path out) {
        FraudDetector.Config config = FraudDetector.Config.defaults();
        DataStream<Transaction> txs = FraudDetector.read(env, source, config);
        FraudDetector.Outputs outputs = FraudDetector.detect(txs, config);
        write(outputs.windowSums(), out, "sums");
        write(outputs.anomalies(), out, "anomalies");
        write(outputs.late(), out, "late");
        write(outputs.silent(), out, "silent");
        write(outputs.outliers(), out, "outliers");
        write(txs.getSideOutput(FraudDetector.FUTURE), out, "future");
    }

    private static <T> void write(DataStream<T> stream, Path out, String name) {
        Function<T, String> line = (Function<T, String> & Serializable) String::valueOf;
        stream.addSink(ExactlyOnceFileSink.lines(out.resolve(name), line)).name("out-" + name);
    }
}
