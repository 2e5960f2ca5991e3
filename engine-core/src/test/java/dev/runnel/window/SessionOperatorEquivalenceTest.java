package dev.runnel.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.EventTimeTrigger;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.window.WindowTestSupport.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.runnel.runtime.graph.OperatorNode;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The session fast path must give exactly what the general window operator gives — merges,
 * touching sessions, late elements to the side output — on random input with real late data.
 */
class SessionOperatorEquivalenceTest {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);
    private static final KeySelector<Ev, String> KEY = Ev::key;

    private static List<String> run(ScriptedSource<Ev> script, Supplier<KeyedOperator<String, Ev, String>> operator) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev> in = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s");
        DataStream<String> out = in.append(new OperatorNode<>(in.node(), "sessions", KEY, i -> operator.get()));
        CollectSink<String> main = new CollectSink<>();
        CollectSink<Ev> late = new CollectSink<>();
        out.addSink(main);
        out.getSideOutput(LATE).addSink(late);
        env.execute();
        List<String> all = new ArrayList<>();
        main.timestamped().forEach(t -> all.add(t.toString()));
        late.timestamped().forEach(t -> all.add("late " + t));
        Collections.sort(all);
        return all;
    }

    @Test
    void fastPathEqualsGeneralOperatorOnRandomInputWithLateData() {
        long gap = 5;
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            ScriptedSource<Ev> a = ScriptedSource.create();
            ScriptedSource<Ev> b = ScriptedSource.create();
            long wm = -20;
            for (int i = 0; i < 80; i++) {
                long ts = wm + r.nextInt(30) - 8;   // some at or behind the watermark: late
                Ev e = new Ev("k" + r.nextInt(3), ts, r.nextInt(100));
                a.event(e, ts);
                b.event(e, ts);
                if (r.nextInt(4) == 0) {
                    wm += r.nextInt(12);
                    a.watermark(wm);
                    b.watermark(wm);
                }
            }
            List<String> general = run(a, () -> new WindowOperator<String, Ev, ArrayList<Ev>, String, TimeWindow>(KEY,
                EventTimeSessionWindows.withGap(Duration.ofMillis(gap)), EventTimeTrigger.create(),
                new ElementListAggregation<>(WindowProcessor.of(new WindowTestSupport.ListElements())), 0, LATE));
            List<String> fast = run(b, () -> new SessionWindowOperator<String, Ev, ArrayList<Ev>, String>(KEY, gap,
                new ElementListAggregation<>(WindowProcessor.of(new WindowTestSupport.ListElements())), LATE));
            assertThat(fast).as("seed %d", seed).isEqualTo(general);
            assertThat(general).isNotEmpty();
        }
    }
}
