package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.types.Either;
import dev.runnel.cep.CepTestSupport.Event;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** flatSelect, process with side outputs and match timestamps, flatSelect with a timeout side output, Flink's Either-returning selects. */
class PatternStreamApiTest {
    private static final Pattern<Event, Event> A_THEN_B = Pattern.<Event>begin("a").where(e -> e.name().equals("a"))
        .followedBy("b").where(e -> e.name().equals("b")).within(Duration.ofMillis(10));

    private static ScriptedSource<Event> script() {
        return ScriptedSource.<Event>create().event(ev(1, "a", 0), 1).event(ev(2, "b", 0), 4).event(ev(3, "a", 0), 20);
    }

    @Test
    void flatSelectMayEmitSeveralRecordsPerMatchStampedWithTheMatchTime() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> out = new CollectSink<>();
        CEP.pattern(env.fromSource(script(), WatermarkStrategy.noWatermarks(), "events"), A_THEN_B)
            .flatSelect((Map<String, List<Event>> m, Collector<String> c) -> {
                c.collect("a" + m.get("a"));
                c.collect("b" + m.get("b"));
            })
            .addSink(out);
        env.execute("flat");
        assertThat(out.timestamped().stream().map(Object::toString).toList()).containsExactly("a[1]@4", "b[2]@4");
    }

    @Test
    void processFunctionWritesSideOutputsAndSeesTheTimestamp() {
        StreamEnvironment env = StreamEnvironment.create();
        OutputTag<Long> times = OutputTag.of("times", Long.class);
        CollectSink<String> out = new CollectSink<>();
        CollectSink<Long> side = new CollectSink<>();
        var stream = CEP.pattern(env.fromSource(script(), WatermarkStrategy.noWatermarks(), "events"), A_THEN_B)
            .process(new PatternProcessFunction<Event, String>() {
                @Override
                public void processMatch(Map<String, List<Event>> match, Context ctx, Collector<String> o) {
                    ctx.output(times, ctx.timestamp());
                    o.collect(CepTestSupport.format(match));
                }
            });
        stream.addSink(out);
        stream.getSideOutput(times).addSink(side);
        env.execute("process");
        assertThat(out.values()).containsExactly("a=[1] b=[2]");
        assertThat(side.values()).containsExactly(4L);
    }

    @Test
    void flatSelectWithTimeoutTag() {
        StreamEnvironment env = StreamEnvironment.create();
        OutputTag<String> timedOut = OutputTag.of("timed-out", String.class);
        CollectSink<String> out = new CollectSink<>();
        CollectSink<String> late = new CollectSink<>();
        var stream = CEP.pattern(env.fromSource(script(), WatermarkStrategy.noWatermarks(), "events"), A_THEN_B)
            .<String, String>flatSelect(timedOut, (m, ts, c) -> c.collect(m.get("a") + " expired at " + ts),
                (m, c) -> c.collect("match"));
        stream.addSink(out);
        stream.getSideOutput(timedOut).addSink(late);
        env.execute("flat-timeout");
        assertThat(out.values()).containsExactly("match");
        assertThat(late.values()).containsExactly("[3] expired at 30");
    }

    @Test
    void selectWithATimeoutFunctionAloneGivesTimeoutsAsLeftsAndMatchesAsRightsInOneStream() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<Either<String, String>> out = new CollectSink<>();
        CEP.pattern(env.fromSource(script(), WatermarkStrategy.noWatermarks(), "events"), A_THEN_B)
            .select((Map<String, List<Event>> m, long ts) -> m.get("a") + " expired at " + ts,
                (Map<String, List<Event>> m) -> "match " + CepTestSupport.format(m))
            .addSink(out);
        env.execute("either");
        assertThat(out.timestamped().stream().map(Object::toString).toList())
            .containsExactly("Right(match a=[1] b=[2])@4", "Left([3] expired at 30)@30");
    }

    @Test
    void flatSelectWithATimeoutFunctionAloneGivesEitherValues() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<Either<String, Integer>> out = new CollectSink<>();
        CEP.pattern(env.fromSource(script(), WatermarkStrategy.noWatermarks(), "events"), A_THEN_B)
            .flatSelect((Map<String, List<Event>> m, long ts, Collector<String> c) -> c.collect("expired " + ts),
                (Map<String, List<Event>> m, Collector<Integer> c) -> {
                    c.collect(1);
                    c.collect(2);
                })
            .addSink(out);
        env.execute("flat-either");
        assertThat(out.values()).containsExactly(Either.Right(1), Either.Right(2), Either.Left("expired 30"));
    }
}
