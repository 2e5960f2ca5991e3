package probe.porting;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Flink's SideOutputExample: a ProcessFunction tokenizes lines, sends words longer than five letters
 * to a side output and counts the others per word.
 */
public class SideOutputExample {

    /** The tag of the rejected words; an anonymous subclass keeps its type. */
    static final OutputTag<String> rejectedWordsTag = new OutputTag<String>("rejected") {};

    static final String[] LINES = {
        "To be, or not to be,--that is the question:--",
        "Whether 'tis nobler in the mind to suffer",
        "The slings and arrows of outrageous fortune",
    };

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<String> text = env.fromData(LINES);

        SingleOutputStreamOperator<Tuple2<String, Integer>> tokenized = text.process(new Tokenizer());

        DataStream<String> rejectedWords =
                tokenized.getSideOutput(rejectedWordsTag).map(value -> "rejected: " + value, Types.STRING);

        DataStream<Tuple2<String, Integer>> counts =
                tokenized.keyBy(value -> value.f0).reduce((a, b) -> new Tuple2<>(a.f0, a.f1 + b.f1));

        counts.print("counts");
        rejectedWords.print("rejected");

        env.execute("Streaming WordCount SideOutput");
    }

    /** Emits (word, 1) for short words and sends the long ones to the side output. */
    public static final class Tokenizer extends ProcessFunction<String, Tuple2<String, Integer>> {

        @Override
        public void processElement(String value, Context ctx, Collector<Tuple2<String, Integer>> out)
                throws Exception {
            String[] tokens = value.toLowerCase().split("\\W+");
            for (String token : tokens) {
                if (token.length() > 5) {
                    ctx.output(rejectedWordsTag, token);
                } else if (token.length() > 0) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }
}
