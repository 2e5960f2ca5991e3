package probe.porting;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Tumbling event-time windows with allowed lateness and a side output for data later than that.
 * A punctuated generator emits a watermark after every reading, so the output does not depend on
 * when periodic watermarks happen to be emitted.
 */
public class WindowLateData {

    /** A sensor reading: (sensor, timestamp). */
    static Tuple2<String, Long> reading(String sensor, long timestamp) {
        return Tuple2.of(sensor, timestamp);
    }

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<Tuple2<String, Long>> readings =
                env.fromData(
                                reading("a", 1),
                                reading("a", 5),
                                reading("b", 7),
                                reading("b", 12),
                                reading("a", 8),
                                reading("a", 16),
                                reading("b", 25),
                                reading("a", 3),
                                reading("b", 18),
                                reading("a", 29))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Tuple2<String, Long>>forGenerator(ctx -> new EveryReading())
                                        .withTimestampAssigner((r, ts) -> r.f1));

        final OutputTag<Tuple2<String, Long>> lateTag = new OutputTag<Tuple2<String, Long>>("late") {};

        SingleOutputStreamOperator<String> counts =
                readings.keyBy(r -> r.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .allowedLateness(Duration.ofMillis(5))
                        .sideOutputLateData(lateTag)
                        .aggregate(new CountReadings(), new DescribeWindow());

        // windows of different sensors that end together fire in an order Flink leaves open (its timer
        // heap's), so each sensor's windows are printed apart
        counts.filter(line -> line.startsWith("a ")).print("window a");
        counts.filter(line -> line.startsWith("b ")).print("window b");
        counts.getSideOutput(lateTag).print("late");

        env.execute("Window late data");
    }

    /** A watermark one below every reading's timestamp (no out-of-orderness allowed). */
    static class EveryReading implements WatermarkGenerator<Tuple2<String, Long>> {
        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Counts a window's readings. */
    static class CountReadings implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** "sensor [start, end) count at watermark". */
    static class DescribeWindow extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        @Override
        public void process(String sensor, Context context, Iterable<Long> counts, Collector<String> out) {
            TimeWindow window = context.window();
            out.collect(sensor + " [" + window.getStart() + ", " + window.getEnd() + ") " + counts.iterator().next()
                    + " readings at watermark " + context.currentWatermark());
        }
    }
}
