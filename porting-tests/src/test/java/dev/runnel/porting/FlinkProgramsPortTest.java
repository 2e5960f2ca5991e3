package dev.runnel.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    @ValueSource(strings = {"WordCount", "SideOutputExample", "SessionWindowing", "LoginFailures", "WordLengths", "WindowLateData", "KeyedTimers", "PriceRises", "TopWordPerWindow", "WindowWordCount", "FraudDetection", "OrderTimeouts",
        "TemperatureMonitoring", "CheckpointedScores", "AsyncEnrichment"})
    void portsByItsImportsAloneAndPrintsWhatFlinkPrints(String program, @TempDir Path classes) throws Exception {
        String ported = ImportMap.rewrite(FlinkPrograms.source(program));
        assertThat(ported).doesNotContain("org.apache.flink");

        ProgramCompiler.Result compiled = ProgramCompiler.compile(ported, classes);
        assertThat(compiled.errors()).as("compiler errors in the ported %s", program).isEmpty();

        String printed = ProgramRun.run(classes, compiled.mainClass());
        assertThat(PrintedLines.bySink(printed)).isEqualTo(PrintedLines.bySink(FlinkPrograms.flinkOutput(program)));
    }
}
