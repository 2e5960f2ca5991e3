package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CepTestSupport.Keyed;
import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import dev.runnel.cep.pattern.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * For random patterns from the language and random keyed streams, the matches and timed-out partial
 * matches are the same whether events arrive sorted or shuffled within the watermark bound: the
 * operator's buffering must make arrival order irrelevant.
 */
class ShuffledInputPropertyTest {
    private static final long BOUND = 5;
    private static final String[] LETTERS = {"a", "b", "c"};

    @Test
    void shuffledWithinTheWatermarkBoundGivesTheSortedInputsMatches() {
        SplittableRandom random = new SplittableRandom(7);
        int nonEmpty = 0;
        for (int trial = 0; trial < 150; trial++) {
            long seed = random.nextLong();
            List<Keyed> events = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            SplittableRandom r = new SplittableRandom(seed);
            long ts = 0;
            for (int i = 0; i < 40; i++) {
                ts += 1 + r.nextInt(3);
                events.add(new Keyed("k" + r.nextInt(2), i, LETTERS[r.nextInt(LETTERS.length)], 0));
                times.add(ts);
            }
            String[] description = new String[1];
            List<String> sorted = outputs(randomPattern(new SplittableRandom(seed), description), events, times, null);
            List<String> shuffled = outputs(randomPattern(new SplittableRandom(seed), description), events, times,
                new SplittableRandom(seed ^ 0x5DEECE66DL));
            assertThat(shuffled).as("pattern %s, seed %d", description[0], seed).isEqualTo(sorted);
            if (!sorted.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("trials with any output").isGreaterThan(50);
    }

    /** Runs the pattern; events in timestamp order, or shuffled with a displacement of at most BOUND. */
    private static List<String> outputs(Pattern<Keyed, ?> pattern, List<Keyed> events, List<Long> times, SplittableRandom shuffle) {
        List<Integer> order = new ArrayList<>();
        long[] arrivalKey = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            order.add(i);
            arrivalKey[i] = times.get(i) * 16 + (shuffle == null ? 0 : shuffle.nextInt((int) BOUND * 16 + 1));
        }
        order.sort(Comparator.comparingLong(i -> arrivalKey[i]));
        ScriptedSource<Keyed> script = ScriptedSource.create();
        long maxSeen = Long.MIN_VALUE;
        for (int i : order) {
            script.event(events.get(i), times.get(i));
            maxSeen = Math.max(maxSeen, times.get(i));
            script.watermark(maxSeen - BOUND - 1);
        }
        CepTestSupport.Result result = CepTestSupport.runOn(
            env -> env.fromSource(script, WatermarkStrategy.noWatermarks(), "events").keyBy(Keyed::key),
            pattern, UnaryOperator.identity(), true, dev.runnel.api.StreamEnvironment.create());
        assertThat(result.late()).isEmpty();
        List<String> all = new ArrayList<>(result.matches());
        result.timeouts().forEach(t -> all.add("timeout " + t));
        all.sort(null);
        return all;
    }

    static Pattern<Keyed, ?> randomPattern(SplittableRandom r, String[] description) {
        StringBuilder d = new StringBuilder();
        AfterMatchSkipStrategy skip = switch (r.nextInt(4)) {
            case 0 -> AfterMatchSkipStrategy.skipToNext();
            case 1 -> AfterMatchSkipStrategy.skipPastLastEvent();
            default -> AfterMatchSkipStrategy.noSkip();
        };
        d.append(skip).append(' ');
        int stages = 1 + r.nextInt(3);
        Pattern<Keyed, Keyed> p = null;
        for (int s = 0; s < stages; s++) {
            String name = "s" + s;
            String letter = LETTERS[r.nextInt(LETTERS.length)];
            if (p == null) {
                p = Pattern.begin(name, skip);
                d.append("begin");
            } else if (s < stages - 1 && r.nextInt(6) == 0) {
                p = p.notFollowedBy("not" + s).where(e -> e.name().equals(letter));
                d.append(".notFollowedBy(").append(letter).append(')');
                p = p.followedBy(name);
                d.append(".followedBy");
            } else {
                switch (r.nextInt(3)) {
                    case 0 -> { p = p.next(name); d.append(".next"); }
                    case 1 -> { p = p.followedBy(name); d.append(".followedBy"); }
                    default -> { p = p.followedByAny(name); d.append(".followedByAny"); }
                }
            }
            p = p.where(e -> e.name().equals(letter));
            d.append('(').append(letter).append(')');
            switch (r.nextInt(6)) {
                case 0 -> { p = p.oneOrMore(); d.append(".oneOrMore()"); }
                case 1 -> { p = p.times(2); d.append(".times(2)"); }
                case 2 -> { p = p.times(1, 2); d.append(".times(1,2)"); }
                case 3 -> { if (s > 0) { p = p.optional(); d.append(".optional()"); } }
                default -> { }
            }
        }
        long within = 5 + r.nextInt(20);
        p = p.within(Duration.ofMillis(within));
        d.append(".within(").append(within).append(')');
        description[0] = d.toString();
        return p;
    }
}
