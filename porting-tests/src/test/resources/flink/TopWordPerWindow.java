package probe.porting;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The most frequent word over the whole stream, in sliding event-time windows of 10 ms every 5 ms
 * (windowAll with a ProcessAllWindowFunction). Words arrive as (word, timestamp).
 */
public class TopWordPerWindow {

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<Tuple2<String, Long>> words =
                env.fromData("to@1", "be@2", "or@3", "not@4", "to@6", "be@7", "to@8", "that@12", "is@13",
                                "the@14", "question@16", "the@17", "the@18")
                        .map(new ParseWord())
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                                        .withTimestampAssigner((word, ts) -> word.f1));

        DataStream<Tuple3<Long, String, Integer>> top =
                words.windowAll(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                        .process(new MostFrequent());

        top.print();

        env.execute("Top word per window");
    }

    /** "word@timestamp" to (word, timestamp). */
    static class ParseWord implements MapFunction<String, Tuple2<String, Long>> {
        @Override
        public Tuple2<String, Long> map(String value) {
            String[] parts = value.split("@");
            return Tuple2.of(parts[0], Long.parseLong(parts[1]));
        }
    }

    /** (window end, word, count) of the most frequent word; ties go to the alphabetically first word. */
    static class MostFrequent
            extends ProcessAllWindowFunction<Tuple2<String, Long>, Tuple3<Long, String, Integer>, TimeWindow> {
        @Override
        public void process(Context context, Iterable<Tuple2<String, Long>> elements,
                Collector<Tuple3<Long, String, Integer>> out) {
            Map<String, Integer> counts = new HashMap<>();
            for (Tuple2<String, Long> word : elements) {
                counts.merge(word.f0, 1, Integer::sum);
            }
            String best = null;
            for (Map.Entry<String, Integer> e : new TreeMap<>(counts).entrySet()) {
                if (best == null || e.getValue() > counts.get(best)) {
                    best = e.getKey();
                }
            }
            out.collect(Tuple3.of(context.window().getEnd(), best, counts.get(best)));
        }
    }
}
