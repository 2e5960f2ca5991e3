package probe.porting;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Flink's WindowWordCount: word counts over sliding count windows (the last 4 occurrences of a
 * word, every 2 occurrences).
 */
public class WindowWordCount {

    static final String[] LINES = {
        "To be, or not to be,--that is the question:--",
        "Whether 'tis nobler in the mind to suffer",
        "The slings and arrows of outrageous fortune",
        "Or to take arms against a sea of troubles,",
        "And by opposing end them?--To die,--to sleep,--",
    };

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);
        env.setParallelism(1);

        final int windowSize = params.getInt("window", 4);
        final int slideSize = params.getInt("slide", 2);

        DataStream<Tuple2<String, Integer>> counts =
                env.fromData(LINES)
                        .flatMap(new Tokenizer())
                        .keyBy(value -> value.f0)
                        .countWindow(windowSize, slideSize)
                        .sum(1);

        counts.print();

        env.execute("WindowWordCount");
    }

    /** Splits a line into lower-case words and emits (word, 1) for each. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {

        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.toLowerCase().split("\\W+")) {
                if (token.length() > 0) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }
}
