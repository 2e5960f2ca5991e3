package probe.porting;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.cep.functions.TimedOutPartialMatchHandler;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * CEP with an iterative condition, a looping stage and a skip strategy: a run of rising prices
 * (each above the one before) followed by a drop below the run's start, within 20 ms. Trades are
 * (symbol, timestamp, price); a punctuated watermark follows every trade.
 */
public class PriceRises {

    static final OutputTag<String> UNFINISHED = new OutputTag<String>("unfinished") {};

    public static void main(String[] args) throws Exception {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        DataStream<Tuple3<String, Long, Integer>> trades =
                env.fromData(
                                Tuple3.of("ACME", 1L, 10),
                                Tuple3.of("ACME", 2L, 12),
                                Tuple3.of("ACME", 3L, 15),
                                Tuple3.of("ACME", 4L, 9),
                                Tuple3.of("ACME", 10L, 20),
                                Tuple3.of("ACME", 11L, 21),
                                Tuple3.of("ACME", 12L, 19),
                                Tuple3.of("ACME", 40L, 30),
                                Tuple3.of("ACME", 41L, 31),
                                Tuple3.of("ACME", 42L, 35),
                                Tuple3.of("ACME", 70L, 36))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<Tuple3<String, Long, Integer>>forGenerator(ctx -> new PerTrade())
                                        .withTimestampAssigner((trade, ts) -> trade.f1));

        Pattern<Tuple3<String, Long, Integer>, ?> riseThenDrop =
                Pattern.<Tuple3<String, Long, Integer>>begin("start", AfterMatchSkipStrategy.skipPastLastEvent())
                        .where(SimpleCondition.of(trade -> trade.f2 > 0))
                        .next("rise")
                        .where(new IterativeCondition<Tuple3<String, Long, Integer>>() {
                            @Override
                            public boolean filter(Tuple3<String, Long, Integer> trade,
                                    Context<Tuple3<String, Long, Integer>> ctx) throws Exception {
                                int last = 0;
                                for (Tuple3<String, Long, Integer> t : ctx.getEventsForPattern("start")) {
                                    last = t.f2;
                                }
                                for (Tuple3<String, Long, Integer> t : ctx.getEventsForPattern("rise")) {
                                    last = t.f2;
                                }
                                return trade.f2 > last;
                            }
                        })
                        .oneOrMore()
                        .consecutive()
                        .next("drop")
                        .where(new IterativeCondition<Tuple3<String, Long, Integer>>() {
                            @Override
                            public boolean filter(Tuple3<String, Long, Integer> trade,
                                    Context<Tuple3<String, Long, Integer>> ctx) throws Exception {
                                return trade.f2 < ctx.getEventsForPattern("start").iterator().next().f2;
                            }
                        })
                        .within(Duration.ofMillis(20));

        SingleOutputStreamOperator<String> found =
                CEP.pattern(trades.keyBy(trade -> trade.f0), riseThenDrop).process(new Describe());

        found.print("rise and drop");
        found.getSideOutput(UNFINISHED).print("unfinished");

        env.execute("Price rises");
    }

    /** Watermark one below each trade's timestamp. */
    static class PerTrade implements WatermarkGenerator<Tuple3<String, Long, Integer>> {
        @Override
        public void onEvent(Tuple3<String, Long, Integer> trade, long timestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(timestamp - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }

    /** Matches to the main output, partial matches cut off by the 20 ms window to a side output. */
    static class Describe extends PatternProcessFunction<Tuple3<String, Long, Integer>, String>
            implements TimedOutPartialMatchHandler<Tuple3<String, Long, Integer>> {

        @Override
        public void processMatch(Map<String, List<Tuple3<String, Long, Integer>>> match, Context ctx,
                Collector<String> out) {
            out.collect(match.get("start") + " " + match.get("rise") + " " + match.get("drop") + " at " + ctx.timestamp());
        }

        @Override
        public void processTimedOutMatch(Map<String, List<Tuple3<String, Long, Integer>>> match, Context ctx) {
            ctx.output(UNFINISHED, match.get("start") + " " + match.get("rise") + " until " + ctx.timestamp());
        }
    }
}
