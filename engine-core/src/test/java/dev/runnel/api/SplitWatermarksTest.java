package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Split-local watermarks (Flink's {@code createOutputForSplit}): each split runs its own generator
 * and the source's watermark is the minimum over its splits; a split without events holds it back,
 * a released split stops counting.
 */
class SplitWatermarksTest {

    /** Two splits, scripted: a1, a2 on split a; b1 on split b; a3; b released; a4. */
    private static final class TwoSplits implements Source<String> {
        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceStatus poll(SourceOutput<String> output, int maxRecords) {
            SourceOutput<String> a = output.createOutputForSplit("a");
            SourceOutput<String> b = output.createOutputForSplit("b");
            a.collect("a1", 1_000);
            a.collect("a2", 5_000);
            b.collect("b1", 1_500);
            a.collect("a3", 6_000);
            output.releaseOutputForSplit("b");
            a.collect("a4", 7_000);
            return SourceStatus.END_OF_INPUT;
        }
    }

    @Test
    void theSourceWatermarkIsTheMinimumOverSplitsAndAReleasedSplitStopsCounting() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> seen = env.fromSource(new TwoSplits(),
                WatermarkStrategy.<String>forGenerator(ctx -> new WatermarkOrderTest.PunctuatedMinusOne<>()), "splits")
            .process(new ProcessFunction<String, String>() {
                @Override
                public void processElement(String value, Context ctx, Collector<String> out) {
                    long wm = ctx.timerService().currentWatermark();
                    out.collect(value + "@" + (wm == Long.MIN_VALUE ? "min" : Long.toString(wm)));
                }
            })
            .executeAndCollect();
        // split b has no event until b1: the watermark waits for it although split a is at 4 999
        assertThat(seen).containsExactly("a1@min", "a2@min", "b1@min", "a3@1499", "a4@5999");
    }
}
