package dev.runnel.api.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.IntervalJoined;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.twoinput.IntervalJoinTest.Describe;
import dev.runnel.api.twoinput.Sides.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The interval join against a direct model of Flink's {@code IntervalJoinOperator}: one cleanup
 * timer per element (side, timestamp), removing exactly that timestamp when it fires; late
 * elements dropped. Random scripts over a few milliseconds with small watermark steps, so elements
 * at the watermark, timers behind it and cleanup at exactly {@code l + upper} happen often, with
 * random bounds and exclusivity. Runnel keeps one timer per key and side; the outputs must agree.
 */
class IntervalJoinModelTest {

    /** Flink's operator, for one key, written as plainly as possible. */
    static final class FlinkModel {
        final long lower;
        final long upper;
        final List<Ev> left = new ArrayList<>();
        final List<Ev> right = new ArrayList<>();
        /** Pending timers as "side,time" with time first for order: {time, side(0/1)}. */
        final TreeSet<long[]> timers = new TreeSet<>(Comparator.<long[]>comparingLong(t -> t[0]).thenComparingLong(t -> t[1]));
        final List<String> out = new ArrayList<>();
        long watermark = Long.MIN_VALUE;

        FlinkModel(long lower, long upper) {
            this.lower = lower;
            this.upper = upper;
        }

        void element(Ev e) {
            if (e.ts() < watermark) {
                return;
            }
            boolean isLeft = e.side().equals("L");
            (isLeft ? left : right).add(e);
            List<Ev> others = new ArrayList<>(isLeft ? right : left);
            others.sort(Comparator.comparingLong(Ev::ts)); // stable: arrival order among equal timestamps
            for (Ev o : others) {
                Ev l = isLeft ? e : o;
                Ev r = isLeft ? o : e;
                if (r.ts() >= l.ts() + lower && r.ts() <= l.ts() + upper) {
                    out.add(l + "+" + r + " [" + l.ts() + "," + r.ts() + "," + Math.max(l.ts(), r.ts()) + "]@" + Math.max(l.ts(), r.ts()));
                }
            }
            long cleanup = isLeft ? (upper > 0 ? e.ts() + upper : e.ts()) : (-lower > 0 ? e.ts() - lower : e.ts());
            timers.add(new long[] {cleanup, isLeft ? 0 : 1});
        }

        void watermark(long w) {
            if (w <= watermark) {
                return;
            }
            watermark = w;
            while (!timers.isEmpty() && timers.first()[0] <= w) {
                long[] t = timers.pollFirst();
                if (t[1] == 0) {
                    long ts = upper <= 0 ? t[0] : t[0] - upper;
                    left.removeIf(e -> e.ts() == ts);
                } else {
                    long ts = lower <= 0 ? t[0] + lower : t[0];
                    right.removeIf(e -> e.ts() == ts);
                }
            }
        }
    }

    @Test
    void agreesWithFlinksPerElementTimersOnRandomScripts() {
        for (int seed = 0; seed < 300; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            long a = r.nextLong(-6, 7);
            long b = r.nextLong(-6, 7);
            long lower = Math.min(a, b);
            long upper = Math.max(a, b);
            boolean lowerExclusive = r.nextInt(4) == 0;
            boolean upperExclusive = r.nextInt(4) == 0;
            List<String> script = new ArrayList<>();
            long wm = -3;
            for (int i = 0; i < 40; i++) {
                if (r.nextInt(4) == 0) {
                    wm += r.nextInt(3);
                    script.add("W" + wm);
                } else {
                    // mostly near the watermark, some behind it
                    script.add((r.nextBoolean() ? "L" : "R") + ":k@" + (wm + r.nextLong(-2, 8)));
                }
            }
            script.add("W1000");
            FlinkModel model = new FlinkModel(lowerExclusive ? lower + 1 : lower, upperExclusive ? upper - 1 : upper);
            for (String step : script) {
                if (step.startsWith("W")) {
                    model.watermark(Long.parseLong(step.substring(1)));
                } else {
                    model.element(Sides.parse(step));
                }
            }
            assertThat(run(lower, upper, lowerExclusive, upperExclusive, script.toArray(String[]::new)))
                .as("seed %d, bounds [%d, %d] exclusive %s/%s, script %s", seed, lower, upper, lowerExclusive, upperExclusive, script)
                .isEqualTo(model.out);
        }
    }

    private static List<String> run(long lower, long upper, boolean lowerExclusive, boolean upperExclusive, String... script) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev>[] in = Sides.split(env, script);
        IntervalJoined<Ev, Ev, String> join = in[0].keyBy(Ev::key).intervalJoin(in[1].keyBy(Ev::key))
            .between(Duration.ofMillis(lower), Duration.ofMillis(upper));
        if (lowerExclusive) {
            join.lowerBoundExclusive();
        }
        if (upperExclusive) {
            join.upperBoundExclusive();
        }
        CollectSink<String> sink = new CollectSink<>();
        join.process(new Describe()).addSink(sink);
        env.execute("model");
        return sink.timestamped().stream().map(Object::toString).toList();
    }
}
