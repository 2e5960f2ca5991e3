package dev.runnel.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.metrics.JobMetricsView;
import dev.runnel.api.metrics.OperatorMetricsView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upstream walk on made-up graphs: a lagging subtask, a CEP operator, every input idle. */
class FiringDiagnosticsUnitTest {

    record Op(String operatorName, int subtask, long numRecordsIn, long numRecordsOut, long currentWatermark, boolean idle,
              Map<String, Long> gauges) implements OperatorMetricsView {
        @Override
        public long numLateRecordsDropped() {
            return 0;
        }

        @Override
        public long numDeadLetters() {
            return 0;
        }

        @Override
        public long numFutureEvents() {
            return 0;
        }

        @Override
        public long numLateRecordsToSideOutput() {
            return 0;
        }

        @Override
        public double accumulatedBusyTimeMs() {
            return 0;
        }

        @Override
        public double accumulatedIdleTimeMs() {
            return 0;
        }

        @Override
        public double accumulatedBackPressuredTimeMs() {
            return 0;
        }

        @Override
        public List<dev.runnel.api.metrics.RegisteredMetric> userMetrics() {
            return List.of();
        }
    }

    record Job(List<OperatorMetricsView> operators, Map<String, List<String>> inputs) implements JobMetricsView {
        @Override
        public String jobName() {
            return "unit";
        }

        @Override
        public CheckpointStats checkpoints() {
            return CheckpointStats.NONE;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Throwable failure() {
            return null;
        }

        @Override
        public long startTimeMillis() {
            return 0;
        }
    }

    private static List<FiringDiagnosis> diagnose(Job job) {
        LiveSampler sampler = new LiveSampler(job, () -> 10_000);
        sampler.sample();
        return new FiringDiagnostics(job, sampler).diagnoseAll();
    }

    @Test
    void aLaggingSubtaskOfAParallelOperatorIsNamed() {
        Map<String, Long> window = Map.of("earliestPendingWindowEnd", 2000L, "pendingWindowTimers", 3L);
        Job job = new Job(List.of(
            new Op("src", 0, 100, 100, 5000, false, Map.of()),
            new Op("parse", 0, 50, 50, 5000, false, Map.of()),
            new Op("parse", 1, 50, 50, 1200, false, Map.of()),
            new Op("win", 0, 100, 0, 1200, false, window)),
            Map.of("src", List.of(), "parse", List.of("src"), "win", List.of("parse")));

        FiringDiagnosis d = diagnose(job).get(0);
        assertThat(d.waiting()).isTrue();
        assertThat(d.heldBackBy()).extracting(FiringDiagnosis.Holder::operator).containsExactly("parse", "src");
        assertThat(d.heldBackBy().get(0).lagging()).isTrue();
        assertThat(d.heldBackBy().get(0).subtask()).isEqualTo(1);
        assertThat(d.explanation()).contains("subtask 1 of 'parse' lags its siblings");
    }

    @Test
    void aCepOperatorWithPartialMatchesReportsThemAndItsWatermark() {
        Job job = new Job(List.of(
            new Op("src", 0, 10, 10, 700, false, Map.of()),
            new Op("pattern", 0, 10, 0, 700, false, Map.of("cep.partialMatches", 4L, "cep.bufferedEvents", 6L))),
            Map.of("src", List.of(), "pattern", List.of("src")));

        FiringDiagnosis d = diagnose(job).get(0);
        assertThat(d.kind()).isEqualTo("cep");
        assertThat(d.pending()).isEqualTo(4);
        assertThat(d.explanation()).startsWith("4 partial match(es) pending at watermark");
    }

    @Test
    void withEveryInputIdleNothingIsBlamedAndTheIdleInputsAreListed() {
        Job job = new Job(List.of(
            new Op("a", 0, 0, 0, Long.MIN_VALUE, true, Map.of()),
            new Op("win", 0, 0, 0, Long.MIN_VALUE, true, Map.of("earliestPendingWindowEnd", Long.MIN_VALUE, "pendingWindowTimers", 0L))),
            Map.of("a", List.of(), "win", List.of("a")));

        FiringDiagnosis d = diagnose(job).get(0);
        assertThat(d.heldBackBy()).isEmpty();
        assertThat(d.idleInputs()).containsExactly("a#0");
        assertThat(d.explanation()).isEqualTo("No record has reached it yet. Idle input(s), not holding the watermark back: a#0.");
    }
}
