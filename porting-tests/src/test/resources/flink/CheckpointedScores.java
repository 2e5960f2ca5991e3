package probe.porting;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.Tuple6;
import org.apache.flink.api.java.tuple.Tuple8;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The settings a production job carries: exactly-once checkpoints every second into a directory kept
 * on cancellation, with a minimum pause, a timeout, one checkpoint at a time, unaligned checkpoints
 * and three tolerated failures; wide tuples aggregated by position; a rich function written before
 * Flink 1.19 that sets itself up in open(Configuration); and the job's JobExecutionResult.
 */
public class CheckpointedScores {

    /** Formats a score row; its prefix is set up in the deprecated open(Configuration). */
    static class Describe extends RichMapFunction<Tuple6<String, Integer, Integer, Integer, Integer, Long>,
            Tuple8<String, String, Integer, Integer, Integer, Integer, Long, Boolean>> {
        private transient String prefix;

        @Override
        public void open(Configuration parameters) throws Exception {
            prefix = "player";
        }

        @Override
        public Tuple8<String, String, Integer, Integer, Integer, Integer, Long, Boolean> map(
                Tuple6<String, Integer, Integer, Integer, Integer, Long> row) {
            return Tuple8.of(prefix, row.f0, row.f1, row.f2, row.f3, row.f4, row.f5, row.f5 > 100);
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(1000, CheckpointingMode.EXACTLY_ONCE);
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        checkpoints.setCheckpointStorage(Files.createTempDirectory("scores-checkpoints").toUri().toString());
        checkpoints.setMinPauseBetweenCheckpoints(500);
        checkpoints.setCheckpointTimeout(60_000);
        checkpoints.setMaxConcurrentCheckpoints(1);
        checkpoints.setTolerableCheckpointFailureNumber(3);
        checkpoints.enableUnalignedCheckpoints();
        checkpoints.setExternalizedCheckpointCleanup(
                CheckpointConfig.ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);

        DataStream<Tuple6<String, Integer, Integer, Integer, Integer, Long>> rounds = env.fromData(
                Tuple6.of("ann", 1, 10, 3, 7, 40L),
                Tuple6.of("bob", 1, 12, 1, 9, 55L),
                Tuple6.of("ann", 2, 8, 5, 2, 70L),
                Tuple6.of("bob", 2, 15, 2, 4, 30L),
                Tuple6.of("ann", 3, 11, 0, 8, 20L),
                Tuple6.of("bob", 3, 9, 6, 1, 90L));

        KeyedStream<Tuple6<String, Integer, Integer, Integer, Integer, Long>, String> byPlayer =
                rounds.keyBy(row -> row.f0);
        byPlayer.sum(5).map(new Describe()).print("total");
        byPlayer.max(2).print("best");
        byPlayer.minBy(3).print("fewest");

        JobExecutionResult result = env.execute("Checkpointed scores");
        System.out.println("net runtime known: " + (result.getNetRuntime(TimeUnit.MILLISECONDS) >= 0)
                + ", accumulators: " + result.getAllAccumulatorResults()
                + ", missing accumulator: " + result.getAccumulatorResult("rounds"));
    }
}
