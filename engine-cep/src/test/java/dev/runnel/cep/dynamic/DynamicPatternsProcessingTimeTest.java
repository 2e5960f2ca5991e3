package dev.runnel.cep.dynamic;

import static dev.runnel.cep.dynamic.DynamicTestSupport.format;
import static dev.runnel.cep.dynamic.DynamicTestSupport.txn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CEP;
import dev.runnel.cep.dynamic.DynamicTestSupport.Txn;
import org.junit.jupiter.api.Test;

/**
 * {@code inProcessingTime()}: events reach the rules as they arrive, {@code within} runs on the
 * processing-time clock, and a rule update applies from the next arriving event. Rules and events
 * come from one scripted source, split in two, so that the order in which they arrive is the
 * script's.
 */
class DynamicPatternsProcessingTimeTest {
    /** A small amount then one above {@code threshold} within 100 ms of processing time. */
    private static String smallThenBigWithin100ms(double threshold) {
        return """
            {"stages": [
               {"name": "small", "where": "amount < 1.0"},
               {"name": "big", "contiguity": "followedBy", "where": "amount > %s"}],
             "within": "PT0.1S"}""".formatted(threshold);
    }

    @Test
    void matchesOnArrivalTimesOutOnTheClockAndAppliesUpdatesFromTheNextEvent() {
        ManualClock clock = new ManualClock(1_000);
        StreamEnvironment env = StreamEnvironment.create(clock);
        ScriptedSource<Object> script = ScriptedSource.create()
            .event(Rule.of("r", 1, smallThenBigWithin100ms(500)), 0)
            .event(txn(1, "a", 0.5), 900)                    // event timestamps play no part
            .advanceProcessingTimeTo(1_050).event(txn(2, "a", 600), 1)   // 1 then 2: match at 1050
            .event(txn(3, "a", 0.2), 2)                      // opens a partial match at 1050
            .advanceProcessingTimeTo(1_200)                  // it expires at 1150
            .event(txn(4, "a", 700), 3)                      // too late for 3: nothing
            .event(txn(5, "b", 0.1), 4)                      // opens under v1 ...
            .event(Rule.of("r", 2, smallThenBigWithin100ms(800)), 5)     // ... and v2 drops it (DROP)
            .event(txn(6, "b", 700), 6)                      // v2: no match, nothing open
            .event(txn(7, "b", 0.3), 7).event(txn(8, "b", 900), 8);      // v2 matches 7 then 8 at 1200
        DataStream<Object> all = env.fromSource(script, WatermarkStrategy.noWatermarks(), "script");
        DataStream<Rule> rules = all.filter(o -> o instanceof Rule).map(o -> (Rule) o);
        DataStream<Txn> events = all.filter(o -> o instanceof Txn).map(o -> (Txn) o);
        CollectSink<String> out = new CollectSink<>();
        CEP.dynamicPatterns(events.keyBy(Txn::account), rules, Txn.class).inProcessingTime().matches()
            .process(new ProcessFunction<DynamicMatch<Txn>, String>() {
                @Override
                public void processElement(DynamicMatch<Txn> m, Context ctx, Collector<String> o) {
                    o.collect(format(m, ctx.timestamp()));
                }
            }).addSink(out);
        env.execute("dynamic-cep-processing-time");
        assertThat(out.values()).containsExactly("r v1 small=[1] big=[2] @1050", "r v2 small=[7] big=[8] @1200");
    }
}
