package dev.runnel.porting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink 1.20.0's DataStream walkthrough ("Fraud Detection with the DataStream API"), as its Maven
 * archetype generates it ({@code -Dpackage=spendreport}), with the walkthrough-common classes it
 * uses (TransactionSource, a legacy SourceFunction over an endless, rate-limited iterator; AlertSink,
 * a SinkFunction that logs), ports by its imports alone. The job never ends: it runs until it has
 * raised as many alerts as were recorded from Flink, then is cancelled; the alerts must be Flink's.
 */
class FlinkWalkthroughPortTest {
    private static final String COMMON = "org/apache/flink/walkthrough/common/";

    @TempDir Path classes;

    @Test
    void fraudDetectionJobRaisesFlinksAlerts() throws Exception {
        Map<String, String> ported = new LinkedHashMap<>();
        for (String job : List.of("FraudDetectionJob", "FraudDetector")) {
            // what the archetype does when it generates the project: fill in the package
            String source = Files.readString(FlinkExamples.sourceRoot().resolve("archetype-resources/src/main/java/" + job + ".java"),
                StandardCharsets.UTF_8).replace("${package}", "spendreport");
            ported.put("spendreport/" + job + ".java", ImportMap.rewrite(source));
        }
        ported.putAll(FlinkExamples.portedSources(List.of(COMMON + "entity/Alert.java", COMMON + "entity/Transaction.java",
            COMMON + "source/TransactionSource.java", COMMON + "source/TransactionIterator.java", COMMON + "sink/AlertSink.java")));
        ProgramCompiler.Result compiled = ProgramCompiler.compile("spendreport.FraudDetectionJob", ported, classes);
        assertThat(compiled.errors()).as("compiler errors in the ported walkthrough").isEmpty();

        List<String> flinks = FlinkExamples.resource("FraudDetectionJob.log").lines().toList();
        String printed = ProgramRun.runUntil(classes, "spendreport.FraudDetectionJob",
            out -> alerts(out).size() >= flinks.size(), Duration.ofSeconds(30));

        assertThat(alerts(printed)).startsWith(flinks.toArray(String[]::new));
    }

    /** The messages AlertSink logged (SLF4J's simple binding prints "INFO <logger> - <message>"). */
    private static List<String> alerts(String printed) {
        return printed.lines().filter(l -> l.contains("AlertSink - ")).map(l -> l.substring(l.indexOf(" - ") + 3)).toList();
    }
}
