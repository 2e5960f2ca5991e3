package probe.porting;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.MultipleParameterTool;
import org.apache.flink.streaming.api.TimeCharacteristic;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Lambdas with erased generic results (typed with returns(...)), collecting results into the
 * program, repeated command-line options and the environment settings older programs carry.
 */
public class WordLengths {

    public static void main(String[] args) throws Exception {
        final MultipleParameterTool params = MultipleParameterTool.fromArgs(args);

        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.setStreamTimeCharacteristic(TimeCharacteristic.EventTime);
        env.getConfig().setAutoWatermarkInterval(100L);
        env.getConfig().setGlobalJobParameters(params);
        env.enableCheckpointing(60_000L);

        Collection<String> words =
                params.has("word")
                        ? params.getMultiParameter("word")
                        : Arrays.asList("stream", "flink", "runnel", "state", "flink");

        DataStream<Tuple2<String, Integer>> lengths =
                env.fromData(words)
                        .flatMap((String word, Collector<Tuple2<String, Integer>> out) ->
                                out.collect(Tuple2.of(word, word.length())))
                        .returns(Types.TUPLE(Types.STRING, Types.INT));

        DataStream<Tuple3<String, Integer, Boolean>> marked =
                lengths.map(t -> Tuple3.of(t.f0, t.f1, t.f1 > 5))
                        .returns(new TypeHint<Tuple3<String, Integer, Boolean>>() {});

        Iterator<Tuple3<String, Integer, Boolean>> it = DataStreamUtils.collect(marked);
        while (it.hasNext()) {
            System.out.println("long? " + it.next());
        }

        for (Tuple2<String, Integer> t : DataStreamUtils.collectBoundedStream(lengths.filter(t -> t.f1 == 5), "fives")) {
            System.out.println("five " + t);
        }

        TypeInformation<String> stringType = TypeInformation.of(String.class);
        List<String> firstTwo = env.fromData(stringType, "x", "yy", "zzz").map(String::toUpperCase).executeAndCollect(2);
        System.out.println("first two " + firstTwo);

        try (CloseableIterator<Integer> numbers = env.fromData(Integer.class, 3, 1, 2).executeAndCollect("numbers")) {
            numbers.forEachRemaining(n -> System.out.println("number " + n));
        }
    }
}
