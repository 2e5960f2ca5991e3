package dev.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @Test
    void helpListsEveryExampleAndItsOptions() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        String help = String.join("\n", run.lines());
        assertThat(help).contains("fraud ", "risk ", "cepfraud ", "funnels ", "logs ", "alerts ", "generate <scenario>")
            .contains("--input FILE", "--output FILE", "--time event|processing", "--allowed-lateness DURATION",
                "--out-of-orderness DURATION", "--window DURATION", "--threshold AMOUNT", "--events N", "--seed S",
                "--max-speed KMH", "--funnels NAME,...", "scenarios: fraud risk cep funnels logs alerts");
    }

    @Test
    void unknownOptionIsAUsageErrorThatNamesIt() {
        CliRun run = CliRun.of("fraud", "--treshold", "9000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Unknown option --treshold").contains("--threshold");
    }

    @Test
    void unknownExampleListsTheKnownOnes() {
        CliRun run = CliRun.of("frod");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Unknown example 'frod'").contains("fraud");
    }

    @Test
    void outputFileReceivesTheAlertsAndGeneratorWritesAnAnswerKey(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("tx.csv");
        CliRun generate = CliRun.of("generate", "fraud", "--events", "2000", "--seed", "3", "--out", data.toString());
        CliRun detect = CliRun.of("fraud", "--quiet", "--input", data.toString(), "--output", dir.resolve("alerts.txt").toString());

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.lines().get(0)).startsWith("wrote " + data + ": ");
        assertThat(Files.readAllLines(Path.of(data + ".planted.csv")).get(0)).isEqualTo("kind,key,timestamp,detail");
        assertThat(detect.exitCode()).isZero();
        assertThat(detect.lines()).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("alerts.txt"))).anyMatch(l -> l.startsWith("ANOMALY acct-fraud-0 "));
    }
}
