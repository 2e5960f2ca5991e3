package dev.runnel.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Flink programs port by rewriting their imports alone: each program, written against Flink 1.20 and
 * kept with its original imports, is rewritten by docs/porting/flink-imports.sed, compiled and run,
 * and prints exactly what it printed on Flink 1.20 (sink by sink; see {@link PrintedLines}).
 */
class FlinkProgramsPortTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WordCount", "SideOutputExample", "SessionWindowing", "LoginFailures", "WordLengths", "WindowLateData", "KeyedTimers", "PriceRises", "TopWordPerWindow"})
    void portsByItsImportsAloneAndPrintsWhatFlinkPrints(String program, @TempDir Path classes) throws Exception {
        String ported = ImportMap.rewrite(FlinkPrograms.source(program));
        assertThat(ported).doesNotContain("org.apache.flink");

        ProgramCompiler.Result compiled = ProgramCompiler.compile(ported, classes);
        assertThat(compiled.errors()).as("compiler errors in the ported %s", program).isEmpty();

        String printed = ProgramRun.run(classes, compiled.mainClass());
        assertThat(PrintedLines.bySink(printed)).isEqualTo(PrintedLines.bySink(FlinkPrograms.flinkOutput(program)));
    }

    /**
     * Programs that use API Runnel does not have yet. Each must fail to compile only where it uses that
     * API (the listed names appear on or just before every error line); when the API arrives the program
     * compiles, and must then print what Flink prints: move it to the test above and in docs/porting.md.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WindowWordCount", "FraudDetection"})
    void pendingProgramFailsOnlyOnTheApiItStillMisses(String program, @TempDir Path classes) throws Exception {
        Set<String> missing = PENDING.get(program);
        String ported = ImportMap.rewrite(FlinkPrograms.source(program));
        ProgramCompiler.Result compiled = ProgramCompiler.compile(ported, classes);
        if (compiled.compiled()) {
            String printed = ProgramRun.run(classes, compiled.mainClass());
            assertThat(PrintedLines.bySink(printed)).as("%s now compiles; its output", program)
                .isEqualTo(PrintedLines.bySink(FlinkPrograms.flinkOutput(program)));
            return;
        }
        String[] lines = ported.split("\\R", -1);
        for (ProgramCompiler.Error error : compiled.errors()) {
            String context = lines[(int) error.line() - 1] + "\n" + (error.line() < lines.length ? lines[(int) error.line()] : "");
            assertThat(missing).as("%s: %s\n%s", program, error, context)
                .anyMatch(name -> context.contains(name) || error.message().contains(name));
        }
    }

    /** Pending programs and the API names they miss (also listed in docs/porting.md). */
    private static final Map<String, Set<String>> PENDING = Map.of(
        "WindowWordCount", Set.of("countWindow", "sum("),
        "FraudDetection", Set.of("OpenContext", "getRuntimeContext"));
}
