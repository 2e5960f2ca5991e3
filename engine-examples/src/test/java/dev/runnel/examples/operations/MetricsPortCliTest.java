package dev.runnel.examples.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.examples.CliRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricsPortCliTest {

    @Test
    void everyDetectorAcceptsMetricsPortAndSaysWhereTheEndpointIs() {
        for (String example : new String[] {"fraud", "risk", "cepfraud", "funnels", "logs", "alerts"}) {
            CliRun run = CliRun.of(example, "--metrics-port", "0", "--quiet");
            assertThat(run.exitCode()).as(example + ": " + run.stderr()).isZero();
            Matcher m = Pattern.compile("metrics: http://localhost:(\\d+)/ \\(live job page\\)").matcher(run.stderr());
            assertThat(m.find()).as(example + " prints the endpoint: " + run.stderr()).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isPositive();
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("fraud", "--metrics-port", "70000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--metrics-port");
    }
}
