package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CepTestSupport.Keyed;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Events that can start no partial match wait under their key's hash slot and are dismissed, when
 * the watermark releases them, if no key of that slot holds matches (CepOperator, KeySlots). Pinned
 * here: such an event still acts on a partial match begun by an event that arrived after it but is
 * earlier in time, on long keys (the primitive path) and on string keys; and an event that only kills
 * partial matches of a strict stage, and only skips the relaxed ones, acts on a key that was in that
 * stage before the first such event arrived. (IrrelevantEventsPropertyTest compares this path with a
 * run that feeds every event, over random patterns.)
 */
class StartlessEventsTest {
    static final class Ids extends PatternProcessFunction<Keyed, String> {
        @Override
        public void processMatch(Map<String, List<Keyed>> match, Context ctx, Collector<String> out) {
            out.collect(match.get("a").get(0).key() + ":" + match.get("a").get(0).id() + "," + match.get("b").get(0).id() + " @" + ctx.timestamp());
        }
    }

    private static List<String> run(boolean longKeys) {
        ScriptedSource<Keyed> script = ScriptedSource.<Keyed>create()
            // key 1: "x" at 12 arrives before the "a" at 10 it breaks (strict next): no match from a@10
            .event(new Keyed("1", 1, "x", 0), 12)
            .event(new Keyed("1", 2, "a", 0), 10)
            .event(new Keyed("1", 3, "b", 0), 13)
            // key 2: a@20 then b@21, an "x" of key 1 in between
            .event(new Keyed("2", 4, "a", 0), 20)
            .event(new Keyed("1", 5, "x", 0), 21)
            .event(new Keyed("2", 6, "b", 0), 21)
            .watermark(25)
            // key 1 again, after its earlier partial match was broken; an "x" after the match changes nothing
            .event(new Keyed("1", 7, "a", 0), 30)
            .event(new Keyed("1", 9, "x", 0), 32)
            .event(new Keyed("1", 8, "b", 0), 31)
            // key 3: a@40, x@41 breaks it, b@42 comes too late
            .event(new Keyed("3", 10, "a", 0), 40)
            .event(new Keyed("3", 11, "x", 0), 41)
            .event(new Keyed("3", 12, "b", 0), 42);
        Pattern<Keyed, Keyed> pattern = Pattern.<Keyed>begin("a").where(e -> e.name().equals("a"))
            .next("b").where(e -> e.name().equals("b"))
            .within(Duration.ofSeconds(5));
        return matches(script, pattern, longKeys, new Ids());
    }

    private static List<String> matches(ScriptedSource<Keyed> script, Pattern<Keyed, Keyed> pattern, boolean longKeys,
                                        PatternProcessFunction<Keyed, String> format) {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> out = new CollectSink<>();
        DataStream<Keyed> events = env.fromSource(script, WatermarkStrategy.noWatermarks(), "events");
        DataStream<Keyed> keyed = longKeys ? events.keyBy(e -> Long.parseLong(e.key())) : events.keyBy(Keyed::key);
        CEP.pattern(keyed, pattern).process(format).addSink(out);
        env.execute("startless-events");
        return out.values();
    }

    @Test
    void anEventThatStartsNothingStillBreaksAStrictMatchBegunByALaterArrivalWithLongKeys() {
        assertThat(run(true)).containsExactly("2:4,6 @21", "1:7,8 @31");
    }

    @Test
    void anEventThatStartsNothingStillBreaksAStrictMatchBegunByALaterArrivalWithStringKeys() {
        assertThat(run(false)).containsExactly("2:4,6 @21", "1:7,8 @31");
    }

    @Test
    void anEventThatOnlyKillsStrictStagesActsOnAKeyAlreadyInOneAndIsSkippedByTheRelaxedStages() {
        ScriptedSource<Keyed> script = ScriptedSource.<Keyed>create()
            // key 1 reaches the strict stage (after "a") before any "x" has arrived; x@11 then breaks it
            .event(new Keyed("1", 1, "a", 0), 10)
            .watermark(10)
            .event(new Keyed("1", 2, "x", 0), 11)
            .event(new Keyed("1", 3, "b", 0), 12)
            .event(new Keyed("1", 4, "c", 0), 13)
            .event(new Keyed("1", 5, "c", 0), 14)
            // key 2: an "x" between the relaxed "c"s is only skipped
            .event(new Keyed("2", 6, "a", 0), 20)
            .event(new Keyed("2", 7, "b", 0), 21)
            .event(new Keyed("2", 8, "c", 0), 22)
            .event(new Keyed("2", 9, "x", 0), 23)
            .event(new Keyed("2", 10, "c", 0), 24);
        Pattern<Keyed, Keyed> pattern = Pattern.<Keyed>begin("a").where(e -> e.name().equals("a"))
            .next("b").where(e -> e.name().equals("b"))
            .followedBy("c").where(e -> e.name().equals("c")).times(2)
            .within(Duration.ofSeconds(5));
        List<String> matches = matches(script, pattern, true, new PatternProcessFunction<>() {
            @Override
            public void processMatch(Map<String, List<Keyed>> match, Context ctx, Collector<String> out) {
                out.collect(match.get("a").get(0).key() + ":" + match.get("c").get(1).id() + " @" + ctx.timestamp());
            }
        });
        assertThat(matches).containsExactly("2:10 @24");
    }
}
