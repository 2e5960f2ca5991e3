package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A periodic watermark that would fire more timers than {@code timersPerWatermarkStep} at once goes
 * out in steps, interleaved with input (docs/semantics.md, "Watermark steps"). Each step is a whole
 * watermark for every operator: its timers fire before any record that follows it, and a record sees
 * the step it follows as its watermark.
 */
class WatermarkStepsTest {

    /** Registers an event-time timer at each record's timestamp and prints what it sees: records, timers, watermarks. */
    static final class TimerProbe extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String v, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
            out.collect(v + "@" + ctx.timestamp() + " wm=" + wm(ctx.timerService().currentWatermark()));
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
            out.collect("timer " + ctx.getCurrentKey() + "@" + ts + " wm=" + wm(ctx.timerService().currentWatermark()));
        }

        private static String wm(long w) {
            return w == Long.MIN_VALUE ? "none" : w == Long.MAX_VALUE ? "end" : Long.toString(w);
        }
    }

    /**
     * Monotonous timestamps (watermark = latest timestamp - 1) every 10 ms of a manual clock. A
     * {@code ScriptedSource} poll ends at each {@code advanceProcessingTimeTo}, and the source takes
     * one more step after every poll.
     */
    private static List<String> run(int timersPerStep) {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock()).setAutoWatermarkInterval(Duration.ofMillis(10));
        env.getConfig().setTimersPerWatermarkStep(timersPerStep);
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .event("a", 1)
            .advanceProcessingTimeTo(10)           // watermark 0: the first one is always whole
            .event("b", 2).event("c", 3).event("d", 4).event("e", 5)
            .advanceProcessingTimeTo(20)           // watermark 4, whole: its 4 timers exceed a budget of 2, so steps become 4 * 2 / 4 = 2 ms wide
            .event("f", 6).event("g", 7).event("h", 8).event("i", 9).event("j", 10)
            .advanceProcessingTimeTo(30)           // the generator asks for 9: steps 6 at once, then 8 after the poll
            .event("k", 11)                        // sees step 8, not 9
            .advanceProcessingTimeTo(30)           // no time passes: ends the poll, the source steps to 9
            .event("l", 12);
        return env.fromSource(script, WatermarkStrategy.forMonotonousTimestamps(), "s")
            .keyBy(v -> v)
            .process(new TimerProbe())
            .executeAndCollect();
    }

    @Test
    void periodicWatermarkGoesOutInStepsOnceItsTimersExceedTheBudget() {
        assertThat(run(2)).containsExactly(
            "a@1 wm=none",
            "b@2 wm=0", "c@3 wm=0", "d@4 wm=0", "e@5 wm=0",
            "timer a@1 wm=4", "timer b@2 wm=4", "timer c@3 wm=4", "timer d@4 wm=4",
            "f@6 wm=4", "g@7 wm=4", "h@8 wm=4", "i@9 wm=4", "j@10 wm=4",
            "timer e@5 wm=6", "timer f@6 wm=6",
            "timer g@7 wm=8", "timer h@8 wm=8",
            "k@11 wm=8",
            "timer i@9 wm=9",
            "l@12 wm=9",
            "timer j@10 wm=end", "timer k@11 wm=end", "timer l@12 wm=end");
    }

    @Test
    void withoutStepsTheSameScriptFiresEachWatermarkWhole() {
        assertThat(run(0)).containsExactly(
            "a@1 wm=none",
            "b@2 wm=0", "c@3 wm=0", "d@4 wm=0", "e@5 wm=0",
            "timer a@1 wm=4", "timer b@2 wm=4", "timer c@3 wm=4", "timer d@4 wm=4",
            "f@6 wm=4", "g@7 wm=4", "h@8 wm=4", "i@9 wm=4", "j@10 wm=4",
            "timer e@5 wm=9", "timer f@6 wm=9", "timer g@7 wm=9", "timer h@8 wm=9", "timer i@9 wm=9",
            "k@11 wm=9",
            "l@12 wm=9",
            "timer j@10 wm=end", "timer k@11 wm=end", "timer l@12 wm=end");
    }

    @Test
    void stepsStillPendingAtTheNextPeriodicWatermarkGoOutWholeFirst() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock()).setAutoWatermarkInterval(Duration.ofMillis(10));
        env.getConfig().setTimersPerWatermarkStep(2);
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .event("a", 1)
            .advanceProcessingTimeTo(10)           // watermark 0
            .event("b", 2).event("c", 3).event("d", 4).event("e", 5)
            .advanceProcessingTimeTo(20)           // watermark 4, whole; steps become 2 ms wide
            .event("f", 6).event("g", 7).event("h", 8).event("i", 9).event("j", 10)
            .advanceProcessingTimeTo(30)           // aims at 9: steps 6, then 8 after the poll
            .event("k", 11)
            .advanceProcessingTimeTo(40)           // aims at 10 with 9 not reached: 9 goes out whole, then the step to 10
            .event("l", 12);
        List<String> out = env.fromSource(script, WatermarkStrategy.forMonotonousTimestamps(), "s")
            .keyBy(v -> v)
            .process(new TimerProbe())
            .executeAndCollect();
        assertThat(out).containsExactly(
            "a@1 wm=none",
            "b@2 wm=0", "c@3 wm=0", "d@4 wm=0", "e@5 wm=0",
            "timer a@1 wm=4", "timer b@2 wm=4", "timer c@3 wm=4", "timer d@4 wm=4",
            "f@6 wm=4", "g@7 wm=4", "h@8 wm=4", "i@9 wm=4", "j@10 wm=4",
            "timer e@5 wm=6", "timer f@6 wm=6",
            "timer g@7 wm=8", "timer h@8 wm=8",
            "k@11 wm=8",
            "timer i@9 wm=9",
            "timer j@10 wm=10",
            "l@12 wm=10",
            "timer k@11 wm=end", "timer l@12 wm=end");
    }

    /**
     * Emits as many records as each poll allows (one timer each) and notes that number; 10 ms pass every
     * eighth poll, so a periodic watermark passes about 2,048 timers and takes more steps than the one at
     * the emission and the one right after that poll.
     */
    static final class GreedySource implements dev.runnel.api.source.Source<String> {
        final java.util.List<Integer> maxes = new java.util.ArrayList<>();
        private long next;

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public dev.runnel.api.source.SourceStatus poll(dev.runnel.api.source.SourceOutput<String> out, int max) {
            maxes.add(max);
            for (int i = 0; i < max && next < 20_000; i++) {
                out.collect("k" + next % 7, next++);
            }
            if (maxes.size() % 8 == 0) {
                out.advanceProcessingTimeTo(maxes.size() / 8 * 10L);
            }
            return next < 20_000 ? dev.runnel.api.source.SourceStatus.MORE_AVAILABLE : dev.runnel.api.source.SourceStatus.END_OF_INPUT;
        }
    }

    private static GreedySource pollGreedily(int timersPerStep, List<String> fired) {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock()).setAutoWatermarkInterval(Duration.ofMillis(10));
        env.getConfig().setTimersPerWatermarkStep(timersPerStep);
        GreedySource source = new GreedySource();
        fired.addAll(env.fromSource(source, WatermarkStrategy.forMonotonousTimestamps(), "greedy")
            .keyBy(v -> v)
            .process(new KeyedProcessFunction<String, String, String>() {
                @Override
                public void processElement(String v, Context ctx, Collector<String> out) {
                    ctx.timerService().registerEventTimeTimer(ctx.timestamp());
                }

                @Override
                public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
                    out.collect(ctx.getCurrentKey() + "@" + ts);
                }
            })
            .executeAndCollect());
        return source;
    }

    /**
     * While steps are pending a poll may send half a step's timers in records (at least the usual
     * 256), so that a source keeps pace with its input between steps; otherwise 256.
     */
    @Test
    void whileStepsArePendingAPollMaySendHalfAStepOfRecords() {
        List<String> whole = new java.util.ArrayList<>();
        assertThat(pollGreedily(0, whole).maxes).containsOnly(256);
        List<String> small = new java.util.ArrayList<>();
        assertThat(pollGreedily(2, small).maxes).containsOnly(256);
        List<String> stepped = new java.util.ArrayList<>();
        assertThat(pollGreedily(600, stepped).maxes).containsOnly(256, 300);
        assertThat(stepped).hasSize(20_000).isEqualTo(whole).isEqualTo(small);
    }

    @Test
    void scriptedWatermarkIsNeverSplitWhateverItFires() {
        StreamEnvironment env = StreamEnvironment.create();
        env.getConfig().setTimersPerWatermarkStep(1);
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .event("a", 1).watermark(1)            // one timer: within the budget
            .event("b", 2).event("c", 3).event("d", 4)
            .watermark(3)                          // two timers, over the budget, but its place among the records is exact
            .event("e", 5).watermark(4).event("f", 6);
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(v -> v)
            .process(new TimerProbe())
            .executeAndCollect();
        assertThat(out).containsExactly(
            "a@1 wm=none", "timer a@1 wm=1",
            "b@2 wm=1", "c@3 wm=1", "d@4 wm=1",
            "timer b@2 wm=3", "timer c@3 wm=3",
            "e@5 wm=3", "timer d@4 wm=4",
            "f@6 wm=4",
            "timer e@5 wm=end", "timer f@6 wm=end");
    }

    @Test
    void negativeBudgetFailsWithOneLine() {
        assertThatThrownBy(() -> StreamEnvironment.create().getConfig().setTimersPerWatermarkStep(-1))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Timers per watermark step must not be negative (0 turns steps off), got -1");
    }
}
