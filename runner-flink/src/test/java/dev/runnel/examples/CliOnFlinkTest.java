package dev.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --engine flink} runs an example's job on Flink with the CLI's own input, report and options. */
class CliOnFlinkTest {
    private record Run(int code, List<String> sortedLines, String stderr) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\\R")));
        lines.removeIf(String::isEmpty);
        lines.sort(null);
        return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fraudDetectorOnTheLateSamplePrintsTheSameLinesOnFlink() {
        Run runnel = cli("fraud", "--quiet", "--input", "sample:transactions-late.csv");
        Run flink = cli("fraud", "--quiet", "--input", "sample:transactions-late.csv", "--engine", "flink", "--parallelism", "2");

        assertThat(runnel.code()).isZero();
        assertThat(flink.code()).as(flink.stderr()).isZero();
        assertThat(runnel.sortedLines()).anyMatch(l -> l.startsWith("LATE ")).anyMatch(l -> l.startsWith("DEAD_LETTER "));
        assertThat(flink.sortedLines()).isEqualTo(runnel.sortedLines());
        assertThat(flink.stderr()).contains("outputs:");
    }
}
