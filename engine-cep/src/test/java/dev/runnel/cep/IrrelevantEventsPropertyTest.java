package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CepTestSupport.Keyed;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.nfa.Nfa;
import dev.runnel.cep.pattern.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pattern operator drops, on arrival, events that can start no partial match and that every
 * waiting partial match would only skip (see {@code Nfa.irrelevant}). For random patterns and
 * streams, the matches, their timestamps and their order must be exactly those of a run that
 * keeps every event.
 */
class IrrelevantEventsPropertyTest {
    private static final String[] LETTERS = {"a", "b", "c", "d", "e"};

    /** Matches with their timestamps; no timeout handler, so irrelevant events may be dropped. */
    static final class Format extends PatternProcessFunction<Keyed, String> {
        @Override
        public void processMatch(Map<String, List<Keyed>> match, Context ctx, Collector<String> out) {
            out.collect(match + " @" + ctx.timestamp());
        }
    }

    private static List<String> run(Pattern<Keyed, ?> pattern, List<Keyed> events, List<Long> times, boolean keepAll) {
        ScriptedSource<Keyed> script = ScriptedSource.create();
        long maxSeen = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            script.event(events.get(i), times.get(i));
            maxSeen = Math.max(maxSeen, times.get(i));
            if (i % 3 == 0) {
                script.watermark(maxSeen - 4);
            }
        }
        String before = System.getProperty(Nfa.KEEP_ALL_EVENTS);
        if (keepAll) {
            System.setProperty(Nfa.KEEP_ALL_EVENTS, "true");
        }
        try {
            StreamEnvironment env = StreamEnvironment.create();
            CollectSink<String> out = new CollectSink<>();
            CEP.pattern(env.fromSource(script, WatermarkStrategy.noWatermarks(), "events").keyBy(Keyed::key), pattern)
                .process(new Format())
                .addSink(out);
            env.execute("irrelevant-events");
            return out.values();
        } finally {
            if (before == null) {
                System.clearProperty(Nfa.KEEP_ALL_EVENTS);
            } else {
                System.setProperty(Nfa.KEEP_ALL_EVENTS, before);
            }
        }
    }

    @Test
    void droppingIrrelevantEventsChangesNoMatchNorItsTimestampNorTheOrder() {
        SplittableRandom random = new SplittableRandom(2026);
        int nonEmpty = 0;
        for (int trial = 0; trial < 300; trial++) {
            long seed = random.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            List<Keyed> events = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            long ts = 0;
            for (int i = 0; i < 60; i++) {
                ts += r.nextInt(4);
                // letters beyond the pattern's three are never mentioned by it: the irrelevant ones
                events.add(new Keyed("k" + r.nextInt(3), i, LETTERS[r.nextInt(LETTERS.length)], 0));
                times.add(ts + r.nextInt(3)); // out of order by at most 2, within the watermark's bound of 4
            }
            String[] description = new String[1];
            List<String> kept = run(ShuffledInputPropertyTest.randomPattern(new SplittableRandom(seed), description), events, times, true);
            List<String> dropped = run(ShuffledInputPropertyTest.randomPattern(new SplittableRandom(seed), description), events, times, false);
            assertThat(dropped).as("pattern %s, seed %d", description[0], seed).containsExactlyElementsOf(kept);
            if (!kept.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("trials with any match").isGreaterThan(100);
    }
}
