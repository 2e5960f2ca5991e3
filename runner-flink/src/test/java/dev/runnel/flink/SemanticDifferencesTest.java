package dev.runnel.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where Runnel deliberately differs from Flink, the Flink run shows what docs/flink-runner.md says the user gets. */
class SemanticDifferencesTest {
    @Test
    void pendingProcessingTimeWindowsFireAtTheEndOfBoundedInputOnRunnelOnly() throws Exception {
        BothEngines.Job job = env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            Scripts.collect(sinks, "counts", env.fromElements(new Ev("a", 0, 1), new Ev("a", 0, 2), new Ev("b", 0, 3))
                .keyBy(Ev::key)
                .window(TumblingProcessingTimeWindows.of(Duration.ofHours(1)))
                .reduce((x, y) -> new Ev(x.key(), 0, x.value() + y.value())));
            return sinks;
        };

        assertThat(BothEngines.onRunnel(job, 1).get("counts")).hasSize(2);
        assertThat(BothEngines.onFlink(job, 1).get("counts")).isEmpty();
    }

    @Test
    void recordsKeepTheirTimestampsAndSinksSeeThem() throws Exception {
        BothEngines.Job job = env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            Scripts.collect(sinks, "stamped", Scripts.events(env, 10).map(Ev::value));
            return sinks;
        };
        List<String> flink = BothEngines.onFlink(job, 1).get("stamped");
        assertThat(flink).hasSize(10).contains("1 @ 1000", "3 @ 1500");
        assertThat(flink).isEqualTo(BothEngines.onRunnel(job, 1).get("stamped"));
    }
}
