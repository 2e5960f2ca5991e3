package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static dev.runnel.cep.CepTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.CepTestSupport.Result;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.WithinType;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** within (both kinds, per stage), timed-out partial matches, late and out-of-order events, processing time. */
class TimeTest {
    private static Pattern<Event, Event> startMiddleEnd() {
        return Pattern.<Event>begin("start").where(e -> e.name().equals("start"))
            .followedBy("middle").where(e -> e.name().equals("middle"))
            .followedBy("end").where(e -> e.name().equals("end"));
    }

    @Test
    void withinBoundIsExclusiveAndPrunedPartialMatchesAreReportedWithTheirEvents() {
        Result r = run(startMiddleEnd().within(Duration.ofMillis(10)), ScriptedSource.<Event>create()
                .event(ev(1, "start", 0), 1).event(ev(2, "middle", 0), 2).event(ev(3, "end", 0), 10)   // 10 - 1 < 10: match
                .event(ev(4, "start", 0), 20).event(ev(5, "middle", 0), 25).event(ev(6, "end", 0), 30) // 30 - 20 = 10: too late
                .event(ev(7, "start", 0), 40),
            UnaryOperator.identity(), true);
        assertThat(r.matches()).containsExactly("start=[1] middle=[2] end=[3] @10");
        // the final watermark expires everything still open
        assertThat(r.timeouts()).containsExactly("start=[4] middle=[5] @30", "start=[7] @50");
    }

    @Test
    void theSmallestStageWindowApplies() {
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("start")).within(Duration.ofMillis(100))
            .followedBy("end").where(e -> e.name().equals("end")).within(Duration.ofMillis(5));
        Result r = run(p, ScriptedSource.<Event>create().event(ev(1, "start", 0), 1).event(ev(2, "end", 0), 6)
            .event(ev(3, "start", 0), 10).event(ev(4, "end", 0), 14), UnaryOperator.identity(), true);
        assertThat(r.matches()).containsExactly("start=[3] end=[4] @14");
        assertThat(r.timeouts()).containsExactly("start=[1] @6");
    }

    @Test
    void previousAndCurrentBoundsTheGapBetweenConsecutiveEvents() {
        Pattern<Event, Event> p = startMiddleEnd().within(Duration.ofMillis(5), WithinType.PREVIOUS_AND_CURRENT);
        Result r = run(p, ScriptedSource.<Event>create()
                .event(ev(1, "start", 0), 1).event(ev(2, "middle", 0), 5).event(ev(3, "end", 0), 9)      // gaps 4 and 4
                .event(ev(4, "start", 0), 20).event(ev(5, "middle", 0), 24).event(ev(6, "end", 0), 30), // gap 6 on end
            UnaryOperator.identity(), true);
        assertThat(r.matches()).containsExactly("start=[1] middle=[2] end=[3] @9");
        assertThat(r.timeouts()).containsExactly("start=[4] middle=[5] @29");
    }

    @Test
    void outOfOrderEventsAreMatchedInTimestampOrderOnceTheWatermarkPasses() {
        Pattern<Event, Event> p = startMiddleEnd();
        Result r = run(p, ScriptedSource.<Event>create()
                .event(ev(3, "end", 0), 30).event(ev(1, "start", 0), 10).event(ev(2, "middle", 0), 20)
                .watermark(30),
            UnaryOperator.identity(), true);
        assertThat(r.matches()).containsExactly("start=[1] middle=[2] end=[3] @30");
    }

    @Test
    void eventsAtOrBehindTheWatermarkAreLateAndGoToTheSideOutput() {
        Result r = run(startMiddleEnd(), ScriptedSource.<Event>create()
                .event(ev(1, "start", 0), 10).watermark(20)
                .event(ev(2, "middle", 0), 20)      // at the watermark: late
                .event(ev(3, "middle", 0), 21).event(ev(4, "end", 0), 22),
            UnaryOperator.identity(), false);
        assertThat(r.late()).containsExactly("2");
        assertThat(r.matches()).containsExactly("start=[1] middle=[3] end=[4]");
    }

    @Test
    void lateEventsWithoutASideOutputAreDroppedAndCounted() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> out = new CollectSink<>();
        CEP.pattern(env.fromSource(ScriptedSource.<Event>create().event(ev(1, "start", 0), 10).watermark(20)
                    .event(ev(2, "start", 0), 5), WatermarkStrategy.noWatermarks(), "events"),
                Pattern.<Event>begin("start").where(e -> e.name().equals("start")))
            .select(m -> CepTestSupport.format(m)).addSink(out);
        var job = env.execute("late");
        assertThat(out.values()).containsExactly("start=[1]");
        assertThat(job.lateRecordsDropped()).isEqualTo(1);
    }

    @Test
    void equalTimestampsAreMatchedInArrivalOrderOrByTheComparator() {
        Pattern<Event, Event> p = Pattern.<Event>begin("first").next("second");
        ScriptedSource<Event> script = ScriptedSource.<Event>create()
            .event(ev(2, "x", 0), 5).event(ev(1, "x", 0), 5);
        assertThat(run(p, script).matches()).containsExactly("first=[2] second=[1]");
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> out = new CollectSink<>();
        CEP.pattern(env.fromSource(ScriptedSource.<Event>create().event(ev(2, "x", 0), 5).event(ev(1, "x", 0), 5),
                    WatermarkStrategy.noWatermarks(), "events"), p, (a, b) -> Integer.compare(a.id(), b.id()))
            .select(CepTestSupport::format).addSink(out);
        env.execute("comparator");
        assertThat(out.values()).containsExactly("first=[1] second=[2]");
    }

    @Test
    void selectWithTimeoutTagSendsTimedOutPartialMatchesToTheSideOutput() {
        StreamEnvironment env = StreamEnvironment.create();
        OutputTag<String> timedOut = OutputTag.of("timed-out", String.class);
        CollectSink<String> matches = new CollectSink<>();
        CollectSink<String> timeouts = new CollectSink<>();
        var out = CEP.pattern(env.fromSource(ScriptedSource.<Event>create()
                    .event(ev(1, "start", 0), 1).event(ev(2, "middle", 0), 3).event(ev(3, "start", 0), 4).event(ev(4, "end", 0), 8),
                    WatermarkStrategy.noWatermarks(), "events"), startMiddleEnd().within(Duration.ofMillis(10)))
            .select(timedOut, (m, ts) -> CepTestSupport.format(m) + " timed out at " + ts, CepTestSupport::format);
        out.addSink(matches);
        out.getSideOutput(timedOut).addSink(timeouts);
        env.execute("timeouts");
        assertThat(matches.values()).containsExactly("start=[1] middle=[2] end=[4]");
        assertThat(timeouts.values()).containsExactly("start=[3] timed out at 14");
    }

    @Test
    void processingTimeMatchesOnArrivalAndMeasuresWithinOnTheClock() {
        ManualClock clock = new ManualClock(1_000);
        StreamEnvironment env = StreamEnvironment.create(clock);
        Pattern<Event, Event> p = Pattern.<Event>begin("start").where(e -> e.name().equals("start"))
            .followedBy("end").where(e -> e.name().equals("end")).within(Duration.ofMillis(100));
        Result r = CepTestSupport.runOn(e -> e.fromSource(ScriptedSource.<Event>create()
                    .event(ev(1, "start", 0), 5)          // event timestamps are ignored in processing time
                    .advanceProcessingTimeTo(1_050).event(ev(2, "end", 0), 1)
                    .event(ev(3, "start", 0), 2)
                    .advanceProcessingTimeTo(1_200)         // start 3 expires at 1_150
                    .event(ev(4, "end", 0), 3), WatermarkStrategy.noWatermarks(), "events"),
            p, PatternStream::inProcessingTime, true, env);
        assertThat(r.matches()).containsExactly("start=[1] end=[2] @1050");
        assertThat(r.timeouts()).containsExactly("start=[3] @1150");
    }

    @Test
    void theFinalWatermarkTimesOutEveryWindowedPartialMatchAndFreesAllKeys() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> timeouts = new CollectSink<>();
        ScriptedSource<CepTestSupport.Keyed> script = ScriptedSource.create();
        for (int i = 0; i < 50; i++) {
            script.event(new CepTestSupport.Keyed("k" + (i % 5), i, "start", 0), i);
        }
        var stream = env.fromSource(script, WatermarkStrategy.noWatermarks(), "events").keyBy(CepTestSupport.Keyed::key);
        var out = CEP.pattern(stream, Pattern.<CepTestSupport.Keyed>begin("start").where(e -> e.name().equals("start"))
                .followedBy("end").where(e -> e.name().equals("end")).within(Duration.ofMillis(1000)))
            .process(new CepTestSupport.Formatter<>(false));
        out.getSideOutput(CepTestSupport.TIMEOUTS).addSink(timeouts);
        var job = env.execute("final-watermark");
        assertThat(timeouts.values()).hasSize(50);
        var metrics = job.operator(PatternStream.OPERATOR_NAME).get(0);
        assertThat(metrics.gauge("cep.partialMatches")).isZero();
        assertThat(metrics.gauge("cep.bufferedEvents")).isZero();
        assertThat(metrics.gauge("cep.activeKeys")).isZero();
        List<String> first = timeouts.values().subList(0, 1);
        assertThat(first).containsExactly("start=[k0:0] @1000");
    }
}
