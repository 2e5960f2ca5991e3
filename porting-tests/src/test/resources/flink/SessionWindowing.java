package probe.porting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Flink's SessionWindowing example: clicks (user, timestamp, count) in event time, summed per
 * session of a user, a session closing after 3 ms without a click.
 */
public class SessionWindowing {

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        final List<Tuple3<String, Long, Integer>> input = new ArrayList<>();
        input.add(new Tuple3<>("a", 1L, 1));
        input.add(new Tuple3<>("b", 1L, 1));
        input.add(new Tuple3<>("b", 3L, 1));
        input.add(new Tuple3<>("b", 5L, 1));
        input.add(new Tuple3<>("c", 6L, 1));
        input.add(new Tuple3<>("a", 10L, 1));
        input.add(new Tuple3<>("c", 11L, 1));

        DataStream<Tuple3<String, Long, Integer>> source =
                env.fromData(input)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Tuple3<String, Long, Integer>>forMonotonousTimestamps()
                                        .withTimestampAssigner((event, timestamp) -> event.f1));

        DataStream<String> sessions =
                source.keyBy(value -> value.f0)
                        .window(EventTimeSessionWindows.withGap(Duration.ofMillis(3L)))
                        .reduce((a, b) -> new Tuple3<>(a.f0, a.f1, a.f2 + b.f2), new DescribeSession());

        sessions.print();

        env.execute("SessionWindowing");
    }

    /** Describes a session: its user, bounds and summed count. */
    public static final class DescribeSession
            extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {

        @Override
        public void process(String user, Context context, Iterable<Tuple3<String, Long, Integer>> elements,
                Collector<String> out) {
            Tuple3<String, Long, Integer> sum = elements.iterator().next();
            TimeWindow window = context.window();
            out.collect(user + " session [" + window.getStart() + ", " + window.getEnd() + ") " + sum);
        }
    }
}
