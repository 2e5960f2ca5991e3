package probe.porting;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.cep.*;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.functions.TimedOutPartialMatchHandler;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed event-time CEP written the pre-1.19 way, with {@code Time}: an order created and then paid
 * within 15 minutes is paid; one not paid in time is timed out (through a PatternProcessFunction
 * that is a TimedOutPartialMatchHandler, and through select with a timeout function); orders per
 * user are counted in 10-minute windows with one minute of allowed lateness.
 */
public class OrderTimeouts {

    /** An order event. */
    public static class OrderEvent {
        public String user;
        public String order;
        public String type;
        public long ts;

        public OrderEvent() {}

        public OrderEvent(String user, String order, String type, long ts) {
            this.user = user;
            this.order = order;
            this.type = type;
            this.ts = ts;
        }

        @Override
        public String toString() {
            return order + ":" + type + "@" + ts;
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        SingleOutputStreamOperator<OrderEvent> orders = env.fromElements(
                new OrderEvent("u1", "o1", "create", 1_000L),
                new OrderEvent("u2", "o2", "create", 2_000L),
                new OrderEvent("u1", "o1", "modify", 10_000L),
                new OrderEvent("u1", "o1", "pay", 60_000L),
                new OrderEvent("u2", "o3", "create", 600_000L),
                new OrderEvent("u2", "o3", "pay", 1_200_000L),
                new OrderEvent("u1", "o4", "create", 1_300_000L),
                new OrderEvent("u1", "o4", "pay", 1_400_000L))
            .assignTimestampsAndWatermarks(WatermarkStrategy.<OrderEvent>forMonotonousTimestamps()
                .withTimestampAssigner((e, ts) -> e.ts));

        Pattern<OrderEvent, OrderEvent> paidInTime = Pattern.<OrderEvent>begin("create")
            .where(new SimpleCondition<OrderEvent>() {
                @Override
                public boolean filter(OrderEvent e) {
                    return e.type.equals("create");
                }
            })
            .followedBy("pay")
            .where(new SimpleCondition<OrderEvent>() {
                @Override
                public boolean filter(OrderEvent e) {
                    return e.type.equals("pay");
                }
            })
            .within(Time.minutes(15));

        PatternStream<OrderEvent> matches = CEP.pattern(orders.keyBy(e -> e.order), paidInTime);

        OutputTag<String> late = new OutputTag<String>("timeout") {};
        SingleOutputStreamOperator<String> paid = matches.process(new PaidOrTimedOut(late));
        paid.print("paid");
        paid.getSideOutput(late).print("timeout");

        OutputTag<String> timedOut = new OutputTag<String>("timed-out") {};
        SingleOutputStreamOperator<String> selected = matches.select(timedOut,
            new PatternTimeoutFunction<OrderEvent, String>() {
                @Override
                public String timeout(Map<String, List<OrderEvent>> match, long timeoutTimestamp) {
                    return match.get("create").get(0).order + " timed out at " + timeoutTimestamp;
                }
            },
            new PatternSelectFunction<OrderEvent, String>() {
                @Override
                public String select(Map<String, List<OrderEvent>> match) {
                    return match.get("create").get(0).order + " paid at " + match.get("pay").get(0).ts;
                }
            });
        selected.print("select");
        selected.getSideOutput(timedOut).print("select-timeout");

        orders.keyBy(e -> e.user)
            .window(TumblingEventTimeWindows.of(Time.minutes(10)))
            .allowedLateness(Time.minutes(1))
            .process(new ProcessWindowFunction<OrderEvent, String, String, TimeWindow>() {
                @Override
                public void process(String user, Context ctx, Iterable<OrderEvent> events, Collector<String> out) {
                    int n = 0;
                    for (OrderEvent ignored : events) {
                        n++;
                    }
                    out.collect(user + " " + ctx.window().getStart() + ".." + ctx.window().getEnd() + ": " + n);
                }
            })
            .print("per-user");

        env.execute("order timeouts");
    }

    /** Paid orders to the main output, orders not paid within the pattern's window to a side output. */
    public static class PaidOrTimedOut extends PatternProcessFunction<OrderEvent, String>
            implements TimedOutPartialMatchHandler<OrderEvent> {
        private final OutputTag<String> timeoutTag;

        public PaidOrTimedOut(OutputTag<String> timeoutTag) {
            this.timeoutTag = timeoutTag;
        }

        @Override
        public void processMatch(Map<String, List<OrderEvent>> match, Context ctx, Collector<String> out) {
            out.collect(match.get("create").get(0) + " then " + match.get("pay").get(0) + " (at " + ctx.timestamp() + ")");
        }

        @Override
        public void processTimedOutMatch(Map<String, List<OrderEvent>> match, Context ctx) {
            ctx.output(timeoutTag, match.get("create").get(0) + " not paid by " + ctx.timestamp());
        }
    }
}
