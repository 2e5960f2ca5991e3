package probe.porting;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Event-time timers per key: every click of a user sets a reminder 10 ms later; clicks that arrive
 * after the watermark passed them also go to a side output. Watermarks follow every click.
 */
public class KeyedTimers {

    static final OutputTag<String> LATE = new OutputTag<String>("behind watermark") {};

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<Tuple2<String, Long>> clicks =
                env.fromData(
                                Tuple2.of("ann", 1L),
                                Tuple2.of("bob", 2L),
                                Tuple2.of("ann", 4L),
                                Tuple2.of("bob", 15L),
                                Tuple2.of("ann", 9L),
                                Tuple2.of("cid", 30L),
                                Tuple2.of("bob", 33L))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Tuple2<String, Long>>forGenerator(ctx -> new AfterEveryClick())
                                        .withTimestampAssigner((click, ts) -> click.f1));

        SingleOutputStreamOperator<String> reminders = clicks.keyBy(click -> click.f0).process(new Reminders());

        reminders.print("reminder");
        reminders.getSideOutput(LATE).print("late");

        env.execute("Keyed timers");
    }

    /** Watermark = the latest click's timestamp minus 3. */
    static class AfterEveryClick implements WatermarkGenerator<Tuple2<String, Long>> {
        private long max = Long.MIN_VALUE + 3;

        @Override
        public void onEvent(Tuple2<String, Long> click, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(new Watermark(max - 3));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Sets a reminder 10 ms after each click and reports it when it fires. */
    static class Reminders extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        @Override
        public void processElement(Tuple2<String, Long> click, Context ctx, Collector<String> out) {
            long watermark = ctx.timerService().currentWatermark();
            if (ctx.timestamp() <= watermark) {
                ctx.output(LATE, ctx.getCurrentKey() + " clicked at " + ctx.timestamp() + ", watermark " + watermark);
            }
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + " at " + timestamp + " (" + ctx.timeDomain() + ", timestamp "
                    + ctx.timestamp() + ", watermark " + ctx.timerService().currentWatermark() + ")");
        }
    }
}
