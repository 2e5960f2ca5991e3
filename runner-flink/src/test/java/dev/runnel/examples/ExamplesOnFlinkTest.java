package dev.runnel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.examples.cli.Args;
import dev.runnel.examples.cli.Example;
import dev.runnel.examples.cli.Option;
import dev.runnel.examples.cli.Report;
import dev.runnel.examples.generator.GenerateCommand;
import dev.runnel.examples.generator.Generated;
import dev.runnel.examples.generator.GeneratorConfig;
import dev.runnel.examples.io.Input;
import dev.runnel.flink.FlinkRunner;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every example detector (S1 to S6, as the CLI wires it, with its report) on generated data with
 * disorder, late and malformed rows: the Flink runs at parallelism 1 and 4 print the same lines and
 * counts as the Runnel run (lines compared sorted: parallel subtasks interleave).
 */
class ExamplesOnFlinkTest {
    @TempDir
    Path dir;

    /** The report's lines, sorted, and its counts per kind. */
    private record Output(List<String> lines, Map<String, Long> counts) {}

    @ParameterizedTest(name = "S{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void sameOutputOnFlinkAtParallelismOneAndFourAsOnRunnel(int scenario) throws Exception {
        Example example = Examples.all().get(scenario - 1);
        boolean json = example.defaultInput().toString().endsWith(".jsonl"); // S5 reads JSON lines
        Path data = dir.resolve(example.name() + (json ? ".jsonl" : ".csv"));
        try (Writer out = Files.newBufferedWriter(data)) {
            Generated.write(GenerateCommand.GENERATORS.get(scenario - 1),
                GeneratorConfig.of(2_000, scenario).withDisorder(Duration.ofMillis(900), 0.01, 0.005), json, out);
        }

        Output runnel = run(example, data, 1, false);
        assertThat(runnel.lines()).isNotEmpty();

        assertThat(run(example, data, 1, true)).isEqualTo(runnel);
        // S2's per-minute metrics are a windowAll behind the parallel risk scorer: which rows are late
        // there depends on how the scorer's subtasks interleave, on Runnel too (at parallelism 4 Runnel
        // itself reports other LATE rows than at 1), so those two kinds are left out at parallelism 4
        Set<String> interleavingDependent = scenario == 2 ? Set.of("LATE", "METRICS") : Set.of();
        assertThat(without(run(example, data, 4, true), interleavingDependent)).isEqualTo(without(runnel, interleavingDependent));
    }

    private static Output without(Output output, Set<String> kinds) {
        Map<String, Long> counts = new java.util.TreeMap<>(output.counts());
        counts.keySet().removeAll(kinds);
        return new Output(output.lines().stream().filter(l -> !kinds.contains(l.split(" ", 2)[0])).toList(), counts);
    }

    private static Output run(Example example, Path data, int parallelism, boolean onFlink) throws Exception {
        List<Option> options = new ArrayList<>(Cli.COMMON_OPTIONS);
        options.addAll(example.options());
        Args args = Args.parse(new String[0], options);
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        StringWriter text = new StringWriter();
        Report report = new Report(text, Report.Format.TEXT, false);
        example.define(env, Input.file(data), args, report);
        if (onFlink) {
            FlinkRunner.execute(env, example.name());
        } else {
            env.execute(example.name());
        }
        close(report);
        List<String> lines = new ArrayList<>(Arrays.asList(text.toString().split("\\R")));
        lines.removeIf(String::isEmpty);
        lines.sort(null);
        return new Output(lines, new java.util.TreeMap<>(report.counts()));
    }

    private static void close(Report report) throws IOException {
        report.close();
    }
}
